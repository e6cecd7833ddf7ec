package org.parkhub.journal;

/** The database refused or failed an operation; the caller's unit of work did not happen. */
public class JournalException extends RuntimeException {

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
