package org.parkhub.ingest;

/** The input as a whole cannot be read (not JSON, not XML, wrong root): no item can be told apart. */
public class MalformedInputException extends Exception {

    public MalformedInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
