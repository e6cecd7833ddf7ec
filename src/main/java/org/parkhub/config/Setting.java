package org.parkhub.config;

/**
 * One of the hub's settings, declared once: its key under {@code parkhub.}, its default, and what it does in a
 * sentence an operator can act on. The configuration table of docs/operations.md is made from these declarations,
 * and a running hub takes its defaults from them (decision 0008).
 *
 * @param key          the key without the {@code parkhub.} prefix, e.g. {@code ftp.port}
 * @param defaultValue the value when none is given; empty when the setting is off or derived from another
 * @param description  what it does (Markdown, one line)
 */
public record Setting(String key, String defaultValue, String description) {

    public static final String PREFIX = "parkhub.";

    public Setting {
        if (!key.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*")) {
            throw new IllegalArgumentException("not a setting key: " + key);
        }
    }

    public static Setting of(String key, String defaultValue, String description) {
        return new Setting(key, defaultValue, description);
    }

    /** The full property name, as operators write it. */
    public String property() {
        return PREFIX + key;
    }
}
