package org.parkhub.ingest.file;

import java.util.List;
import java.util.NoSuchElementException;

/** Payloads already read from a document (a customs message's orders or receipts), one record each, numbered from 1. */
final class PayloadSource implements RecordSource {

    private final List<? extends Record> payloads;
    private int next;

    PayloadSource(List<? extends Record> payloads) {
        this.payloads = payloads;
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
        return new FileRecord(List.of((long) next), payloads.get(next - 1), List.of());
    }

    @Override
    public void close() {
        next = payloads.size();
    }
}
