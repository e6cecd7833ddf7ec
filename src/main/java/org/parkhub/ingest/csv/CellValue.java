package org.parkhub.ingest.csv;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

import org.parkhub.model.schema.FieldSpec;

/**
 * Turns one spreadsheet cell into the canonical text of its field: cleaned up (trimmed, full-width folded),
 * translated by the profile's value map, numbers without thousands separators, dates and times in ISO form
 * in the park's time zone.
 */
final class CellValue {

    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    /** The canonical text, or the reason the cell cannot be read; null text means the cell is empty. */
    record Result(String text, String error) {
        static Result of(String text) {
            return new Result(text, null);
        }

        static Result error(String message) {
            return new Result(null, message);
        }
    }

    private CellValue() {
    }

    static Result convert(String raw, String field, FieldSpec spec, CsvProfile profile, ZoneId zone) {
        String text = clean(raw, profile);
        if (text == null || text.isEmpty()) {
            return Result.of(null);
        }
        Map<String, String> translations = profile.values().get(field);
        if (translations != null && translations.containsKey(text)) {
            text = translations.get(text);
        }
        return switch (spec.kind()) {
            case DECIMAL -> number(text, profile, DECIMAL, "a number");
            case INTEGER -> number(text, profile, INTEGER, "a whole number");
            case BOOLEAN -> "true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)
                    ? Result.of(text.toLowerCase(java.util.Locale.ROOT)) : Result.error("'" + text + "' is not true or false");
            case DATE_TIME -> dateTime(text, profile, zone);
            case DATE -> date(text, profile);
            case STRING, ENUM, RECORD -> Result.of(text);
        };
    }

    static String clean(String raw, CsvProfile profile) {
        if (raw == null) {
            return null;
        }
        String text = profile.foldFullWidth() ? Normalizer.normalize(raw, Normalizer.Form.NFKC) : raw;
        return profile.trim() ? text.strip() : text;
    }

    private static Result number(String text, CsvProfile profile, Pattern shape, String what) {
        String plain = text;
        if (profile.thousandsSeparator().isPresent()) {
            String separator = profile.thousandsSeparator().get().toString();
            if (!groupedWell(text, separator, profile.decimalSeparator())) {
                return Result.error("'" + text + "' is not " + what + " ('" + separator
                        + "' separates thousands before the '" + profile.decimalSeparator() + "' only)");
            }
            plain = plain.replace(separator, "");
        }
        if (profile.decimalSeparator() != '.') {
            plain = plain.replace(profile.decimalSeparator(), '.');
        }
        return shape.matcher(plain).matches() ? Result.of(plain) : Result.error("'" + text + "' is not " + what);
    }

    /** Thousands separators only in the whole part, between groups of three digits: 1,200.5 yes, 1.200,5 no. */
    private static boolean groupedWell(String text, String separator, char decimalSeparator) {
        int point = text.indexOf(decimalSeparator);
        String whole = point < 0 ? text : text.substring(0, point);
        String fraction = point < 0 ? "" : text.substring(point + 1);
        return !fraction.contains(separator)
                && (!whole.contains(separator) || GROUPED.matcher(whole.replace(separator, ",")).matches());
    }

    private static Result dateTime(String text, CsvProfile profile, ZoneId zone) {
        try {
            return Result.of(OffsetDateTime.parse(text).toString());
        } catch (DateTimeParseException notIso) {
            for (DateTimeFormatter format : profile.dateTimeFormats()) {
                try {
                    return Result.of(LocalDateTime.parse(text, format).atZone(zone).toOffsetDateTime().toString());
                } catch (DateTimeParseException next) {
                    // try the next pattern
                }
            }
            return Result.error("'" + text + "' is not a date and time in a known format");
        }
    }

    private static Result date(String text, CsvProfile profile) {
        for (DateTimeFormatter format : profile.dateFormats()) {
            try {
                return Result.of(LocalDate.parse(text, format).toString());
            } catch (DateTimeParseException next) {
                // try the next pattern
            }
        }
        return Result.error("'" + text + "' is not a date in a known format");
    }
}
