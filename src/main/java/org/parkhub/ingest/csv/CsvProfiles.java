package org.parkhub.ingest.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.MessageType;

/**
 * The CSV profiles of the park: {@code config/profiles/<name>.yaml}, checked at start-up so that a broken
 * profile stops the hub with its reason rather than rejecting a firm's files later, and the default
 * profile of each type (canonical headers, encoding detected).
 */
public final class CsvProfiles {

    static final List<String> DEFAULT_DATE_TIME_FORMATS = List.of(
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm");
    static final List<String> DEFAULT_DATE_FORMATS = List.of("yyyy-MM-dd", "yyyy/M/d");

    /** The YAML form of a profile. */
    record Definition(String type, String encoding, String delimiter, String quote, Integer headerRow,
                      Map<String, String> columns, Map<String, String> constants,
                      Map<String, Map<String, String>> values, List<String> dateTimeFormats,
                      List<String> dateFormats, String decimalSeparator, String thousandsSeparator, Boolean trim,
                      Boolean foldFullWidth, FilePolicy policy) {
    }

    private final Map<String, CsvProfile> byName;

    private CsvProfiles(Map<String, CsvProfile> byName) {
        this.byName = byName;
    }

    public static CsvProfiles load(Path directory) {
        Map<String, CsvProfile> profiles = new HashMap<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
                    profiles.put(name, read(name, file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list CSV profiles in " + directory, e);
            }
        }
        return new CsvProfiles(Map.copyOf(profiles));
    }

    public Optional<CsvProfile> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every profile, by name. */
    public List<CsvProfile> all() {
        return byName.values().stream().sorted(java.util.Comparator.comparing(CsvProfile::name)).toList();
    }

    /** Canonical flat headers, encoding detected, ISO and spreadsheet dates, partial policy. */
    public static CsvProfile defaultFor(MessageType type) {
        return toProfile("default-" + type.path(), new Definition(type.path(), null, null, null, null, null, null,
                null, null, null, null, null, null, null, null));
    }

    static CsvProfile read(String name, Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            return toProfile(name, yaml.readValue(file.toFile(), Definition.class));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("CSV profile " + file + ": " + e.getMessage(), e);
        }
    }

    private static CsvProfile toProfile(String name, Definition d) {
        MessageType type = MessageType.byPath(d.type() == null ? "" : d.type())
                .orElseThrow(() -> new IllegalArgumentException("type must be a message type, not " + d.type()));
        FlatLayout layout = FlatLayout.of(type);
        Map<String, String> columns = d.columns() == null ? Map.of() : d.columns();
        Map<String, String> constants = d.constants() == null ? Map.of() : d.constants();
        Map<String, Map<String, String>> values = d.values() == null ? Map.of() : d.values();
        for (String field : concat(columns.values(), constants.keySet(), values.keySet())) {
            boolean action = CsvProfile.ACTION.equals(field) && !constants.containsKey(field);
            if (layout.column(field).isEmpty() && !action) {
                throw new IllegalArgumentException("'" + field + "' is not a field of " + type.path()
                        + "; fields are " + layout.columnNames() + " and " + CsvProfile.ACTION);
            }
        }
        for (String word : values.getOrDefault(CsvProfile.ACTION, Map.of()).values()) {
            if (DocumentAction.byCode(word).isEmpty()) {
                throw new IllegalArgumentException("values.action translates to '" + word
                        + "'; an action is new, modify or cancel");
            }
        }
        return new CsvProfile(name, type,
                Optional.ofNullable(d.encoding()).map(Charset::forName),
                single("delimiter", d.delimiter(), ','),
                single("quote", d.quote(), '"'),
                d.headerRow() == null ? 1 : positive("headerRow", d.headerRow()),
                columns, constants, values,
                formatters(d.dateTimeFormats() == null ? DEFAULT_DATE_TIME_FORMATS : d.dateTimeFormats()),
                formatters(d.dateFormats() == null ? DEFAULT_DATE_FORMATS : d.dateFormats()),
                single("decimalSeparator", d.decimalSeparator(), '.'),
                Optional.ofNullable(d.thousandsSeparator()).map(s -> single("thousandsSeparator", s, ',')),
                d.trim() == null || d.trim(),
                d.foldFullWidth() == null || d.foldFullWidth(),
                d.policy() == null ? FilePolicy.PARTIAL : d.policy());
    }

    private static List<String> concat(Collection<String> a, Collection<String> b, Collection<String> c) {
        return Stream.of(a, b, c).flatMap(Collection::stream).toList();
    }

    private static char single(String what, String value, char fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.length() != 1) {
            throw new IllegalArgumentException(what + " must be one character, not '" + value + "'");
        }
        return value.charAt(0);
    }

    private static int positive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " counts from 1");
        }
        return value;
    }

    private static List<DateTimeFormatter> formatters(List<String> patterns) {
        // strict: 2026/2/30 is an error, not March 2nd
        return patterns.stream().map(p -> DateTimeFormatter.ofPattern(p.replace("yyyy", "uuuu"), Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT)).toList();
    }
}
