package org.parkhub.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The values a hub is given for its settings. Each stage reads its own settings record from these; a value that
 * does not parse stops the start with the key, the value and what was expected, rather than a bare
 * NumberFormatException.
 */
public interface SettingValues {

    /** The value given for a full property name ({@code parkhub.ftp.port}), if any. */
    String given(String property);

    /** Every given property whose name starts with {@code prefix}, by full name. */
    Map<String, String> givenUnder(String prefix);

    /** The setting's value, trimmed; its default when none (or only blanks) is given. */
    default String text(Setting setting) {
        String value = given(setting.property());
        return value == null || value.isBlank() ? setting.defaultValue() : value.trim();
    }

    default int integer(Setting setting) {
        return parsed(setting, Integer::parseInt, "a whole number");
    }

    default long number(Setting setting) {
        return parsed(setting, Long::parseLong, "a whole number");
    }

    default double decimal(Setting setting) {
        return parsed(setting, Double::parseDouble, "a number such as 0.2");
    }

    default boolean flag(Setting setting) {
        return parsed(setting, value -> switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(value);
        }, "true or false");
    }

    default Duration millis(Setting setting) {
        return Duration.ofMillis(number(setting));
    }

    default Duration seconds(Setting setting) {
        return Duration.ofSeconds(number(setting));
    }

    default Duration minutes(Setting setting) {
        return Duration.ofMinutes(number(setting));
    }

    default Path path(Setting setting) {
        return Path.of(text(setting));
    }

    /** A comma-separated list, blanks dropped. */
    default List<String> list(Setting setting) {
        return Arrays.stream(text(setting).split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    /** Per-name values below a setting ({@code parkhub.alerts.silent-minutes.<participant>}), by name. */
    default <T> Map<String, T> perName(Setting setting, Function<String, T> parse, String expected) {
        String prefix = setting.property() + ".";
        Map<String, T> values = new TreeMap<>();
        givenUnder(prefix).forEach((property, value) -> {
            try {
                values.put(property.substring(prefix.length()), parse.apply(value.trim()));
            } catch (RuntimeException e) {
                throw new InvalidSetting(property, value, expected);
            }
        });
        return values;
    }

    private <T> T parsed(Setting setting, Function<String, T> parse, String expected) {
        String value = text(setting);
        try {
            return parse.apply(value);
        } catch (RuntimeException e) {
            throw new InvalidSetting(setting.property(), value, expected);
        }
    }

    /** Values from a map of full property names: the defaults with a few set (tests, tools). */
    static SettingValues of(Map<String, String> given) {
        Map<String, String> copy = Map.copyOf(given);
        return new SettingValues() {
            @Override
            public String given(String property) {
                return copy.get(property);
            }

            @Override
            public Map<String, String> givenUnder(String prefix) {
                Map<String, String> under = new TreeMap<>();
                copy.forEach((property, value) -> {
                    if (property.startsWith(prefix)) {
                        under.put(property, value);
                    }
                });
                return under;
            }
        };
    }

    /** A value the hub cannot use: it names the setting so the operator knows which line to fix. */
    final class InvalidSetting extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        public InvalidSetting(String property, String value, String expected) {
            super(property + " = '" + value + "' is not " + expected);
        }
    }
}
