package org.parkhub.customs;

/** How the JAXB classes of the CEB subset read and write text (schemas/ceb/ceb-bindings.xjb). */
public final class CebText {

    private CebText() {
    }

    /** An empty element says "none", as an absent one does. */
    public static String read(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    public static String write(String text) {
        return text;
    }
}
