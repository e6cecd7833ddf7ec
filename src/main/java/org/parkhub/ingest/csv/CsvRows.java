package org.parkhub.ingest.csv;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.schema.FieldSpec;

/**
 * Canonical records as a firm's spreadsheet rows, the way its profile reads them back: the profile's
 * headers, its words for values (RECEIPT → 入库), its date format and thousands separator. A record with
 * lines takes one row per line. A profile's action column says what the message does to its document in the
 * profile's words (cancel → 删除). The inverse of {@link CsvRecordReader}; writing the bytes is the caller's.
 */
public final class CsvRows {

    private final CsvProfile profile;
    private final ZoneId zone;
    private final List<String> headers = new ArrayList<>();
    /** By header; null for the action column, which is not a field of the record. */
    private final List<FlatLayout.Column> columns = new ArrayList<>();
    private final String listField;

    public CsvRows(CsvProfile profile, ZoneId zone) {
        this.profile = profile;
        this.zone = zone;
        FlatLayout layout = FlatLayout.of(profile.type());
        if (profile.columns().isEmpty()) {
            for (String name : layout.columnNames()) {
                headers.add(name);
                columns.add(layout.column(name).orElseThrow());
            }
        } else {
            profile.columns().forEach((header, field) -> {
                headers.add(header);
                columns.add(CsvProfile.ACTION.equals(field) ? null : layout.column(field).orElseThrow());
            });
        }
        listField = columns.stream().filter(c -> c != null && c.isLineField()).map(FlatLayout.Column::listField)
                .findFirst().orElse(null);
    }

    public List<String> headers() {
        return List.copyOf(headers);
    }

    /** A new document's rows. */
    public List<List<String>> rows(Record record) {
        return rows(record, DocumentAction.NEW);
    }

    /** The rows of a record that does {@code action} to its document. */
    public List<List<String>> rows(Record record, DocumentAction action) {
        JsonNode tree = CanonicalMapper.json().valueToTree(record);
        int count = listField == null ? 1 : Math.max(1, tree.path(listField).size());
        List<List<String>> rows = new ArrayList<>(count);
        for (int row = 0; row < count; row++) {
            List<String> cells = new ArrayList<>(columns.size());
            for (FlatLayout.Column column : columns) {
                if (column == null) {
                    cells.add(word(action));
                    continue;
                }
                JsonNode value = column.isLineField()
                        ? tree.path(column.listField()).path(row).at("/" + column.path().replace('.', '/'))
                        : tree.at("/" + column.path().replace('.', '/'));
                cells.add(value.isMissingNode() || value.isNull() ? "" : cell(value.asText(), column));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** An action as the export writes it: the profile's word for it, else its code. */
    private String word(DocumentAction action) {
        return profile.values().getOrDefault(CsvProfile.ACTION, Map.of()).entrySet().stream()
                .filter(w -> w.getValue().equals(action.code())).map(Map.Entry::getKey).findFirst()
                .orElse(action.code());
    }

    /** A canonical value as the export writes it. */
    private String cell(String canonical, FlatLayout.Column column) {
        Map<String, String> words = profile.values().get(column.flatName());
        if (words != null) {
            for (Map.Entry<String, String> word : words.entrySet()) {
                if (word.getValue().equals(canonical)) {
                    return word.getKey();
                }
            }
        }
        if (column.spec().kind() == FieldSpec.Kind.DATE_TIME && !profile.dateTimeFormats().isEmpty()) {
            return OffsetDateTime.parse(canonical).atZoneSameInstant(zone).format(profile.dateTimeFormats().get(0));
        }
        if (column.spec().kind() == FieldSpec.Kind.DECIMAL && profile.thousandsSeparator().isPresent()) {
            DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
            symbols.setGroupingSeparator(profile.thousandsSeparator().get());
            symbols.setDecimalSeparator(profile.decimalSeparator());
            DecimalFormat format = new DecimalFormat("#,##0.#####", symbols);
            return format.format(new BigDecimal(canonical));
        }
        return canonical;
    }
}
