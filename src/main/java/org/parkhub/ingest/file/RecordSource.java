package org.parkhub.ingest.file;

import java.io.Closeable;
import java.util.Iterator;

/** The records of one input file, read as a stream. */
public interface RecordSource extends Iterator<FileRecord>, Closeable {

    /** How the file names a canonical field (its column header), for receipts a clerk can follow. */
    default String labelOf(String flatName) {
        return flatName;
    }
}
