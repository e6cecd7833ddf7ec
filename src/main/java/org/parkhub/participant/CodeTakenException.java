package org.parkhub.participant;

import org.parkhub.journal.JournalException;

/** A customs code belongs to one participant only: another already holds the one given. */
public class CodeTakenException extends JournalException {

    public CodeTakenException(String message, Throwable cause) {
        super(message, cause);
    }
}
