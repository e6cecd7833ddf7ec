package org.parkhub.ingest.file;

import java.util.List;
import java.util.NoSuchElementException;

import org.parkhub.customs.CebDocuments;
import org.parkhub.model.DocumentAction;

/**
 * Payloads already read from a customs message (its orders or receipts), one record each, numbered from 1, each with
 * what its head's appType says it does to its document.
 */
final class PayloadSource implements RecordSource {

    private final List<? extends Record> payloads;
    private final List<DocumentAction> actions;
    private int next;

    PayloadSource(CebDocuments.Content content) {
        this.payloads = content.payloads();
        this.actions = content.actions();
    }

    @Override
    public boolean hasNext() {
        return next < payloads.size();
    }

    @Override
    public FileRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        next++;
        return new FileRecord(List.of((long) next), payloads.get(next - 1), List.of(), actions.get(next - 1));
    }

    @Override
    public void close() {
        next = payloads.size();
    }
}
