package org.parkhub.ingest.csv;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.parkhub.model.MessageType;
import org.parkhub.model.schema.FieldSpec;

/**
 * The flat, one-row-per-line form of a canonical type (docs/integrators.md, "Canonical model"), derived from its record:
 * head fields keep their names, fields of a nested record are prefixed with it ({@code buyerName},
 * {@code consigneeAddress}), fields of the line list keep theirs ({@code sku}, {@code qty}) unless a head
 * field has the same name, then they take the prefix {@code line} ({@code lineNote}). Records with lines
 * span several rows, grouped by a key field ({@code orderNo}).
 */
public final class FlatLayout {

    /** Where a flat column goes: a head path ({@code buyer.name}) or, for a line field, {@code lines[].qty}. */
    public record Column(String flatName, String listField, String path, FieldSpec spec) {

        public boolean isLineField() {
            return listField != null;
        }

        /**
         * A column is its flat name and path. Every cell of a file is kept by its column, and the record's own
         * hash walked the whole field spec each time (docs/decisions/0005).
         */
        @Override
        public boolean equals(Object other) {
            return other instanceof Column column && flatName.equals(column.flatName) && path.equals(column.path);
        }

        @Override
        public int hashCode() {
            return flatName.hashCode();
        }
    }

    private static final Map<MessageType, String> GROUP_KEYS = Map.of(
            MessageType.ORDER, "orderNo",
            MessageType.PRODUCT, "sku",
            MessageType.INVENTORY_DECLARATION, "copNo",
            MessageType.INVENTORY_REFUND, "invtNo",
            MessageType.WAREHOUSE_IN_LIST, "billNo",
            MessageType.TAX_BILL, "invtNo",
            MessageType.PRECHECK_RESULT, "orderNo");

    private final MessageType type;
    private final Map<String, Column> columns;

    private FlatLayout(MessageType type, Map<String, Column> columns) {
        this.type = type;
        this.columns = Collections.unmodifiableMap(columns);
    }

    public static FlatLayout of(MessageType type) {
        Map<String, Column> columns = new LinkedHashMap<>();
        List<RecordComponent> lists = new ArrayList<>();
        for (RecordComponent component : type.payloadClass().getRecordComponents()) {
            FieldSpec spec = FieldSpec.of(component);
            if (spec.list()) {
                lists.add(component);
            } else if (spec.kind() == FieldSpec.Kind.RECORD) {
                for (RecordComponent sub : spec.javaType().getRecordComponents()) {
                    String flat = component.getName() + capitalised(sub.getName());
                    columns.put(flat, new Column(flat, null, component.getName() + "." + sub.getName(), FieldSpec.of(sub)));
                }
            } else {
                columns.put(component.getName(), new Column(component.getName(), null, component.getName(), spec));
            }
        }
        for (RecordComponent list : lists) {
            for (RecordComponent item : FieldSpec.of(list).javaType().getRecordComponents()) {
                String flat = columns.containsKey(item.getName()) ? "line" + capitalised(item.getName()) : item.getName();
                columns.put(flat, new Column(flat, list.getName(), item.getName(), FieldSpec.of(item)));
            }
        }
        return new FlatLayout(type, columns);
    }

    public MessageType type() {
        return type;
    }

    /** The flat columns in canonical order: the default CSV header of the type. */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    public Optional<Column> column(String flatName) {
        return Optional.ofNullable(columns.get(flatName));
    }

    /** The flat column of a field path ({@code buyer.name} → {@code buyerName}, {@code lines[2].qty} → {@code qty}). */
    public Optional<String> flatNameOf(String fieldPath) {
        String path = fieldPath;
        String list = null;
        int bracket = path.indexOf('[');
        if (bracket > 0 && path.indexOf("].", bracket) > 0) {
            list = path.substring(0, bracket);
            path = path.substring(path.indexOf("].", bracket) + 2);
        }
        String listField = list;
        String itemPath = path;
        return columns.values().stream()
                .filter(c -> Objects.equals(c.listField(), listField) && c.path().equals(itemPath))
                .map(Column::flatName).findFirst();
    }

    /** The field whose value groups consecutive rows into one record, for types with lines. */
    public Optional<String> groupKey() {
        return Optional.ofNullable(GROUP_KEYS.get(type));
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
