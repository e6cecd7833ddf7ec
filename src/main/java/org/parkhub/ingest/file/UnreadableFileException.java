package org.parkhub.ingest.file;

/** The file as a whole cannot be read (binary, undecodable, no header row): the receipt says why. */
public class UnreadableFileException extends Exception {

    public UnreadableFileException(String message) {
        super(message);
    }

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
