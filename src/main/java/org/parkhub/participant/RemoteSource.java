package org.parkhub.participant;

import java.util.List;

/**
 * A place the hub polls for a participant's files: its own FTP, FTPS or SFTP server, or a local directory,
 * given as a Camel endpoint URI ({@code ftp://host/export?username=...}, {@code file:/mnt/share/export}).
 * Files found there count as uploads into inbox {@code folder}; receipts are written to {@code receipts}.
 */
public record RemoteSource(String folder, String uri, String receipts) {

    private static final List<String> SCHEMES = List.of("ftp:", "ftps:", "sftp:", "file:");

    /** Why this source cannot be used, or null. */
    public String problem() {
        if (folder == null || uri == null || receipts == null) {
            return "a source needs folder, uri and receipts";
        }
        if (SCHEMES.stream().noneMatch(uri::startsWith) || SCHEMES.stream().noneMatch(receipts::startsWith)) {
            return "source and receipts must be " + SCHEMES + " URIs";
        }
        return null;
    }
}
