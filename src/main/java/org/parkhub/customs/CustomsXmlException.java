package org.parkhub.customs;

/** A customs XML document (CEB message, DXP envelope) that cannot be read, with the reason. */
public class CustomsXmlException extends Exception {

    public CustomsXmlException(String message) {
        super(message);
    }

    public CustomsXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
