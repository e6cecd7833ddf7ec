package org.parkhub.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.parkhub.config.Setting;
import org.parkhub.config.SettingGroup;

/**
 * The configuration table of docs/operations.md, made from the declared settings so that the two cannot drift
 * (a test compares them). {@code java -cp target/parkhub.jar org.parkhub.platform.SettingsTable docs/operations.md}
 * writes it between the file's two markers.
 */
public final class SettingsTable {

    static final String BEGIN = "<!-- settings:begin (made by org.parkhub.platform.SettingsTable; do not edit) -->";
    static final String END = "<!-- settings:end -->";

    private SettingsTable() {
    }

    /** The table in Markdown: a heading row per area, then its settings. */
    public static String markdown() {
        StringBuilder table = new StringBuilder("| Key | Default | Meaning |\n|---|---|---|\n");
        for (SettingGroup group : HubSettings.GROUPS) {
            table.append("| **").append(group.title()).append("** | | |\n");
            for (Setting setting : group.settings()) {
                table.append("| `").append(setting.property()).append("` | ")
                        .append(setting.defaultValue().isEmpty() ? "empty" : "`" + setting.defaultValue() + "`")
                        .append(" | ").append(setting.description().replace("|", "\\|")).append(" |\n");
            }
        }
        return table.toString();
    }

    /** The document with its table section replaced by the current table. */
    public static String writtenInto(String document) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the document has no settings markers: " + BEGIN + " ... " + END);
        }
        return document.substring(0, begin + BEGIN.length()) + "\n" + markdown() + document.substring(end);
    }

    public static void main(String... args) throws IOException {
        Path document = Path.of(args.length > 0 ? args[0] : "docs/operations.md");
        Files.writeString(document, writtenInto(Files.readString(document, StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }
}
