package org.parkhub.participant;

import java.nio.file.Path;
import java.time.Duration;

import org.parkhub.config.Setting;
import org.parkhub.config.SettingGroup;
import org.parkhub.config.SettingValues;

/**
 * Where the participants come from at start-up, the key that seals their webhook secrets, and how long a rotated
 * API key still works.
 */
public record ParticipantSettings(Path participantsFile, Path secretsKeyFile, Duration apiKeyGrace) {

    public static final Setting PARTICIPANTS_FILE = Setting.of("participants-file", "config/participants.yaml",
            "participants imported at start-up (ids already in the database are left as they are)");
    public static final Setting SECRETS_KEY_FILE = Setting.of("secrets.key-file", "",
            "the AES-256 key that seals webhook signing secrets in the database; empty = `<data-dir>/secrets.key`, "
                    + "made (mode 600) at the first start; keep it apart from database backups; every node needs the same one");
    public static final Setting API_KEY_GRACE_SECONDS = Setting.of("api-key.grace-seconds", "86400",
            "after an API key rotation, how long the old key still works (a request may ask for another)");

    public static final SettingGroup SETTINGS = new SettingGroup("Participants", PARTICIPANTS_FILE, SECRETS_KEY_FILE,
            API_KEY_GRACE_SECONDS);

    public static ParticipantSettings from(SettingValues values, Path dataDir) {
        String keyFile = values.text(SECRETS_KEY_FILE);
        return new ParticipantSettings(values.path(PARTICIPANTS_FILE),
                keyFile.isEmpty() ? dataDir.resolve("secrets.key") : Path.of(keyFile),
                values.seconds(API_KEY_GRACE_SECONDS));
    }
}
