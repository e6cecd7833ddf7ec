package org.parkhub.admin;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} for a file name of any script (RFC 6266): an ASCII {@code filename} for
 * old clients, with everything else (non-ASCII, quotes, backslashes, controls) replaced, and the exact name as
 * UTF-8 in {@code filename*} (RFC 8187). A firm's file name cannot break the header or inject another.
 */
final class ContentDisposition {

    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private ContentDisposition() {
    }

    static String attachment(String fileName) {
        StringBuilder fallback = new StringBuilder();
        StringBuilder encoded = new StringBuilder();
        for (int i = 0; i < fileName.length(); i++) {
            char c = fileName.charAt(i);
            fallback.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
        }
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }
}
