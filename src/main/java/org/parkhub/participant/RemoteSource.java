package org.parkhub.participant;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place the hub polls for a participant's files: its own FTP, FTPS or SFTP server, or a local directory,
 * given as a Camel endpoint URI ({@code ftp://host/export?username=...}, {@code file:/mnt/share/export}).
 * Files found there count as uploads into inbox {@code folder}; receipts are written to {@code receipts}.
 */
public record RemoteSource(String folder, String uri, String receipts) {

    private static final List<String> SCHEMES = List.of("ftp:", "ftps:", "sftp:", "file:");

    /** Options that carry a secret ({@code password}, {@code privateKeyPassphrase}, ...), and user:secret@ logins. */
    private static final Pattern SECRET_OPTION = Pattern.compile("(?i)[?&]([a-z.]*(?:password|passphrase))=([^&]*)");
    private static final Pattern SECRET_IN_LOGIN = Pattern.compile("^[a-z]+://[^/@?:]*:([^/@?]*)@", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^{}]+\\}\\}");

    /** Why this source cannot be used, or null. */
    public String problem() {
        if (folder == null || uri == null || receipts == null) {
            return "a source needs folder, uri and receipts";
        }
        if (SCHEMES.stream().noneMatch(uri::startsWith) || SCHEMES.stream().noneMatch(receipts::startsWith)) {
            return "source and receipts must be " + SCHEMES + " URIs";
        }
        for (String given : List.of(uri, receipts)) {
            String secret = clearSecret(given);
            if (secret != null) {
                return "a source's " + secret + " must be a placeholder such as {{env:WMS_SFTP_PASSWORD}}, not the secret"
                        + " itself: sources are stored in the database";
            }
        }
        return null;
    }

    /** The name of the first secret given in clear in {@code uri}, or null. */
    private static String clearSecret(String uri) {
        Matcher option = SECRET_OPTION.matcher(uri);
        while (option.find()) {
            if (!PLACEHOLDER.matcher(option.group(2)).matches()) {
                return option.group(1);
            }
        }
        Matcher login = SECRET_IN_LOGIN.matcher(uri);
        return login.find() && !PLACEHOLDER.matcher(login.group(1)).matches() ? "login password" : null;
    }
}
