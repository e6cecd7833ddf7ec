package org.parkhub.ingest.file;

import java.util.ArrayList;
import java.util.List;

import org.parkhub.ingest.csv.FlatLayout;
import org.parkhub.validate.FieldError;

/** The receipt rows of one record, with each error on the input line it belongs to, named as the file names it. */
final class ReceiptRows {

    private ReceiptRows() {
    }

    /** One receipt row per input line of the record; an error on {@code lines[i]} goes to the record's i-th line. */
    static void write(ReceiptWriter receipt, RecordOutcome outcome, RecordSource source, FlatLayout layout) {
        List<Long> lines = outcome.record().lines();
        List<List<String>> texts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            texts.add(new ArrayList<>());
        }
        for (FieldError error : outcome.errors()) {
            texts.get(lineOf(error.field(), lines.size())).add(describe(error, source, layout, false));
        }
        for (FieldError warning : outcome.warnings()) {
            texts.get(lineOf(warning.field(), lines.size())).add(describe(warning, source, layout, true));
        }
        ReceiptStatus status = outcome.status();
        if (status == ReceiptStatus.DUPLICATE) {
            texts.get(0).add("the same document was received before as message " + outcome.messageId()
                    + "; it is not taken again");
        }
        for (int i = 0; i < lines.size(); i++) {
            receipt.row(lines.get(i), status, outcome.messageId(), String.join("; ", texts.get(i)));
        }
    }

    private static int lineOf(String field, int lineCount) {
        int bracket = field.indexOf('[');
        if (bracket > 0) {
            int index = Integer.parseInt(field.substring(bracket + 1, field.indexOf(']', bracket)));
            return index < lineCount ? index : 0;
        }
        return 0;
    }

    private static String describe(FieldError error, RecordSource source, FlatLayout layout, boolean warning) {
        String label = error.field().isEmpty() ? "row"
                : layout.flatNameOf(error.field()).map(source::labelOf).orElse(error.field());
        String message = error.message().startsWith(label + ": ") ? error.message() : label + ": " + error.message();
        return (warning ? "warning: " : "") + message + " [" + error.code() + "]";
    }
}
