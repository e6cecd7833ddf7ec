package org.parkhub.ingest.csv;

import java.nio.charset.Charset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parkhub.model.MessageType;

/**
 * How one firm's CSV export of one message type reads (docs/profiles.md): its encoding (absent = detect),
 * separators, which row holds the headers, which header means which canonical field, constant fields,
 * value translations (入库 → RECEIPT), date and number formats, text clean-up and the bad-row policy. A header may
 * also mean {@link #ACTION}: what the row does to its document (新增/修改/删除 → new/modify/cancel).
 */
public record CsvProfile(
        String name,
        MessageType type,
        Optional<Charset> encoding,
        char delimiter,
        char quote,
        int headerRow,
        Map<String, String> columns,
        Map<String, String> constants,
        Map<String, Map<String, String>> values,
        List<DateTimeFormatter> dateTimeFormats,
        List<DateTimeFormatter> dateFormats,
        char decimalSeparator,
        Optional<Character> thousandsSeparator,
        boolean trim,
        boolean foldFullWidth,
        FilePolicy policy) {

    /** Not a field of any type: the column saying whether a row is new, modifies or cancels its document. */
    public static final String ACTION = "action";

    public CsvProfile {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns)); // file order: samples follow it
        constants = Map.copyOf(constants);
        values = Map.copyOf(values);
        dateTimeFormats = List.copyOf(dateTimeFormats);
        dateFormats = List.copyOf(dateFormats);
    }

    /** The canonical field a header names: its mapping, or the header itself when it is a canonical name. */
    public String fieldFor(String header) {
        return columns.getOrDefault(header, header);
    }
}
