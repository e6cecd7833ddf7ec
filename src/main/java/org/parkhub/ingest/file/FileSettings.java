package org.parkhub.ingest.file;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.parkhub.config.Setting;
import org.parkhub.config.SettingGroup;
import org.parkhub.config.SettingValues;

/** Files: the CSV profiles, and the remote sources (firms' own servers and directories) the hub polls. */
public record FileSettings(Path profilesDir, Duration sourceSettle, Duration sourcePoll, List<Path> sourceFileRoots) {

    public static final Setting PROFILES_DIR = Setting.of("profiles-dir", "config/profiles", "CSV profiles");
    public static final Setting SOURCES_POLL_MS = Setting.of("sources.poll-ms", "10000",
            "how often remote sources are polled");
    public static final Setting SOURCES_SETTLE_MS = Setting.of("sources.settle-ms", "5000",
            "how long a file on a remote source must stay unchanged before it is taken");
    public static final Setting SOURCES_FILE_ROOTS = Setting.of("sources.file-roots", "",
            "directories under which `file:` sources may lie (comma-separated); empty: no `file:` sources (remote "
                    + "sources are then `ftp://`, `ftps://` or `sftp://` servers)");

    public static final SettingGroup SETTINGS = new SettingGroup("Files and remote sources", PROFILES_DIR,
            SOURCES_POLL_MS, SOURCES_SETTLE_MS, SOURCES_FILE_ROOTS);

    public static FileSettings from(SettingValues values) {
        return new FileSettings(values.path(PROFILES_DIR), values.millis(SOURCES_SETTLE_MS),
                values.millis(SOURCES_POLL_MS), values.list(SOURCES_FILE_ROOTS).stream().map(Path::of).toList());
    }
}
