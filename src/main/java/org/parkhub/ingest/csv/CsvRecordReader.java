package org.parkhub.ingest.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.parkhub.ingest.Binding;
import org.parkhub.ingest.file.FileRecord;
import org.parkhub.ingest.file.RecordSource;
import org.parkhub.ingest.file.UnreadableFileException;
import org.parkhub.model.DocumentAction;
import org.parkhub.validate.FieldError;

/**
 * Reads a CSV stream through a profile into canonical records, one at a time: maps the headers, converts
 * the cells, groups consecutive rows of one record (an order's lines) and binds each record. A bad row
 * becomes a record with errors; only an unreadable file (no recognisable header, broken quoting) stops it.
 */
public final class CsvRecordReader implements RecordSource {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** More rows than any record may have lines (customs allows 99): the rest of such a group is only counted. */
    static final int MAX_GROUP_ROWS = 1000;

    /** One data row: its line, its cells by column, its action cell (null when none), and what could not be read. */
    private record Row(long line, Map<FlatLayout.Column, String> cells, String action, List<FieldError> errors) {
    }

    private final CsvProfile profile;
    private final FlatLayout layout;
    private final ZoneId zone;
    private final CsvReader<CsvRecord> csv;
    private final Iterator<CsvRecord> records;
    private final FlatLayout.Column[] columnAt;
    private final String[] headerAt;
    private final int headerWidth;
    /** The column saying what a row does to its document ({@link CsvProfile#ACTION}); -1 when the file has none. */
    private final int actionAt;
    private Row pending;
    private FileRecord next;

    public CsvRecordReader(Reader input, CsvProfile profile, ZoneId zone) throws UnreadableFileException {
        this.profile = profile;
        this.layout = FlatLayout.of(profile.type());
        this.zone = zone;
        this.csv = CsvReader.builder()
                .fieldSeparator(profile.delimiter())
                .quoteCharacter(profile.quote())
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(input);
        this.records = csv.iterator();
        List<String> header = header();
        this.headerWidth = header.size();
        this.columnAt = new FlatLayout.Column[header.size()];
        this.headerAt = header.toArray(String[]::new);
        int mapped = 0;
        int action = -1;
        Map<FlatLayout.Column, Integer> firstAt = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String field = profile.fieldFor(header.get(i));
            if (CsvProfile.ACTION.equals(field)) {
                if (action >= 0) {
                    throw new UnreadableFileException("columns " + (action + 1) + " (" + header.get(action) + ") and "
                            + (i + 1) + " (" + header.get(i) + ") both hold the action: keep one of them");
                }
                action = i;
                continue;
            }
            columnAt[i] = layout.column(field).orElse(null);
            if (columnAt[i] != null) {
                Integer earlier = firstAt.putIfAbsent(columnAt[i], i);
                if (earlier != null) {
                    // which of the two the clerk meant cannot be told
                    throw new UnreadableFileException("columns " + (earlier + 1) + " (" + header.get(earlier) + ") and "
                            + (i + 1) + " (" + header.get(i) + ") both hold " + field + ": keep one of them");
                }
                mapped++;
            }
        }
        this.actionAt = action;
        if (mapped == 0) {
            throw new UnreadableFileException("no column of the header row is a field of " + profile.type().path()
                    + " in profile " + profile.name() + " (header: " + String.join(", ", header) + ")");
        }
    }

    /** The header text of the column holding a canonical field, for messages a clerk can follow. */
    @Override
    public String labelOf(String flatName) {
        for (int i = 0; i < columnAt.length; i++) {
            if (columnAt[i] != null && columnAt[i].flatName().equals(flatName)) {
                return headerAt[i];
            }
        }
        return flatName;
    }

    public FlatLayout layout() {
        return layout;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readRecord();
        }
        return next != null;
    }

    @Override
    public FileRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        FileRecord record = next;
        next = null;
        return record;
    }

    @Override
    public void close() {
        try {
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> header() throws UnreadableFileException {
        for (int row = 1; hasNextCsvRecord(); row++) {
            CsvRecord record = nextCsvRecord();
            if (row == profile.headerRow()) {
                List<String> header = new ArrayList<>();
                for (String cell : record.getFields()) {
                    String clean = CellValue.clean(cell.replace("\uFEFF", ""), profile);
                    header.add(clean == null ? "" : clean);
                }
                return header;
            }
        }
        throw new UnreadableFileException("the file has no header row (row " + profile.headerRow() + ")");
    }

    private FileRecord readRecord() {
        List<Row> group = new ArrayList<>();
        Row first = pending != null ? pending : readRow();
        pending = null;
        if (first == null) {
            return null;
        }
        group.add(first);
        String key = layout.groupKey().flatMap(layout::column).map(c -> first.cells().get(c)).orElse(null);
        List<Long> overflow = new ArrayList<>();
        if (key != null) {
            FlatLayout.Column keyColumn = layout.column(layout.groupKey().get()).orElseThrow();
            for (Row row = readRow(); row != null; row = readRow()) {
                if (!key.equals(row.cells().get(keyColumn))) {
                    pending = row;
                    break;
                }
                if (group.size() < MAX_GROUP_ROWS) {
                    group.add(row);
                } else {
                    overflow.add(row.line()); // memory stays bounded however long the group runs
                }
            }
        }
        if (!overflow.isEmpty()) {
            List<Long> lines = new ArrayList<>(group.stream().map(Row::line).toList());
            lines.addAll(overflow);
            return new FileRecord(lines, null, List.of(new FieldError(layout.groupKey().get(), "GROUP_TOO_LARGE",
                    "more than " + MAX_GROUP_ROWS + " rows for " + layout.groupKey().get() + " " + key)));
        }
        return assemble(group);
    }

    private Row readRow() {
        while (hasNextCsvRecord()) {
            CsvRecord record = nextCsvRecord();
            if (record.getFields().stream().allMatch(String::isBlank)) {
                continue; // spreadsheets end with rows that only hold separators
            }
            List<FieldError> errors = new ArrayList<>();
            if (record.getFieldCount() < headerWidth || !blankBeyondHeader(record)) {
                errors.add(new FieldError("", "RAGGED_ROW", "the row has " + record.getFieldCount()
                        + " fields, the header has " + headerWidth));
            }
            Map<FlatLayout.Column, String> cells = new HashMap<>();
            for (int i = 0; i < Math.min(columnAt.length, record.getFieldCount()); i++) {
                FlatLayout.Column column = columnAt[i];
                if (column == null) {
                    continue;
                }
                CellValue.Result value = CellValue.convert(record.getField(i), column.flatName(), column.spec(), profile, zone);
                if (value.error() != null) {
                    errors.add(new FieldError(column.flatName(), "TYPE", headerAt[i] + ": " + value.error()));
                } else if (value.text() != null) {
                    cells.put(column, value.text());
                }
            }
            String action = actionAt >= 0 && actionAt < record.getFieldCount()
                    ? CellValue.clean(record.getField(actionAt), profile) : null;
            return new Row(record.getStartingLineNumber(), cells, action == null || action.isEmpty() ? null : action,
                    errors);
        }
        return null;
    }

    /** Spreadsheets pad rows with empty cells beyond the header; anything else there has no column to go to. */
    private boolean blankBeyondHeader(CsvRecord record) {
        for (int i = headerWidth; i < record.getFieldCount(); i++) {
            if (!record.getField(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private boolean hasNextCsvRecord() {
        try {
            return records.hasNext();
        } catch (CsvParseException e) {
            throw broken(e);
        }
    }

    private CsvRecord nextCsvRecord() {
        try {
            return records.next();
        } catch (CsvParseException e) {
            throw broken(e);
        }
    }

    /** FastCSV says where (e.g. "reading record that started in line 2") and its cause says why (a limit). */
    private static UncheckedIOException broken(CsvParseException e) {
        String why = e.getCause() != null && e.getCause().getMessage() != null ? ": " + e.getCause().getMessage() : "";
        return new UncheckedIOException(new IOException("the CSV structure is broken: " + e.getMessage() + why, e));
    }

    /** One record from its rows: head fields and constants from the first row, one line item per row. */
    private FileRecord assemble(List<Row> rows) {
        ObjectNode root = NODES.objectNode();
        List<FieldError> errors = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        profile.constants().forEach((field, value) -> layout.column(field).ifPresent(c -> put(root, c, value)));
        Row head = rows.get(0);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            lines.add(row.line());
            errors.addAll(row.errors());
            ObjectNode item = null;
            for (Map.Entry<FlatLayout.Column, String> cell : row.cells().entrySet()) {
                FlatLayout.Column column = cell.getKey();
                if (column.isLineField()) {
                    if (item == null) {
                        item = root.withArrayProperty(column.listField()).addObject();
                        // exports rarely number their lines: number them in file order unless the file does
                        if (layout.column("gnum").filter(FlatLayout.Column::isLineField).isPresent()) {
                            item.put("gnum", String.valueOf(i + 1));
                        }
                    }
                    item.put(column.path(), cell.getValue());
                } else if (i == 0) {
                    put(root, column, cell.getValue());
                } else if (!Objects.equals(cell.getValue(), head.cells().get(column))) {
                    errors.add(new FieldError(column.flatName(), "GROUP_MISMATCH", labelOf(column.flatName())
                            + " on line " + row.line() + " differs from line " + head.line() + " of the same record"));
                }
            }
        }
        DocumentAction action = action(rows, errors);
        if (!errors.isEmpty()) {
            return new FileRecord(lines, null, errors);
        }
        Binding.Result bound = Binding.bind(root, profile.type());
        return bound.error() == null
                ? new FileRecord(lines, bound.payload(), List.of(), action)
                : new FileRecord(lines, null, List.of(bound.error()));
    }

    /**
     * What a record's rows say it does to its document, through the profile's words (删除 → cancel); no action column
     * or an empty cell is {@code new}, which the journal takes as new or a revision by what it holds.
     */
    private DocumentAction action(List<Row> rows, List<FieldError> errors) {
        Row head = rows.get(0);
        for (Row row : rows) {
            if (!Objects.equals(row.action(), head.action())) {
                errors.add(new FieldError(CsvProfile.ACTION, "GROUP_MISMATCH", headerAt[actionAt] + " on line "
                        + row.line() + " differs from line " + head.line() + " of the same record"));
                return DocumentAction.NEW;
            }
        }
        if (head.action() == null) {
            return DocumentAction.NEW;
        }
        Map<String, String> words = profile.values().getOrDefault(CsvProfile.ACTION, Map.of());
        Optional<DocumentAction> action = DocumentAction.byCode(words.getOrDefault(head.action(), head.action()));
        if (action.isEmpty()) {
            errors.add(new FieldError(CsvProfile.ACTION, "ACTION", headerAt[actionAt] + ": '" + head.action()
                    + "' is not an action: new, modify or cancel" + (words.isEmpty() ? "" : ", or " + words.keySet())));
            return DocumentAction.NEW;
        }
        return action.get();
    }

    private static void put(ObjectNode root, FlatLayout.Column column, String value) {
        String[] path = column.path().split("\\.");
        ObjectNode target = root;
        for (int i = 0; i < path.length - 1; i++) {
            target = target.withObjectProperty(path[i]);
        }
        target.put(path[path.length - 1], value);
    }
}
