package org.parkhub.participant;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place the hub polls for a participant's files: its own FTP, FTPS or SFTP server, or a local directory under
 * one of the park's source roots, given as a Camel endpoint URI ({@code ftp://host/export?username=...},
 * {@code file:/srv/parkhub-sources/wms/export}). Files found there count as uploads into inbox {@code folder};
 * receipts are written to {@code receipts}. Options are plain values: a source cannot name beans or classes.
 */
public record RemoteSource(String folder, String uri, String receipts) {

    private static final List<String> REMOTE_SCHEMES = List.of("ftp://", "ftps://", "sftp://");
    private static final String FILE = "file:";

    /** Options that carry a secret ({@code password}, {@code privateKeyPassphrase}, ...), and user:secret@ logins. */
    private static final Pattern SECRET_OPTION = Pattern.compile("(?i)[?&]([a-z.]*(?:password|passphrase))=([^&]*)");
    private static final Pattern SECRET_IN_LOGIN = Pattern.compile("^[a-z]+://[^/@?:]*:([^/@?]*)@", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^{}]+\\}\\}");
    /** Options naming where taken files go: relative to the polled directory, never out of it. */
    private static final Set<String> PATH_OPTIONS = Set.of("move", "premove", "movefailed", "moveexisting", "tempprefix",
            "tempfilename", "donefilename", "localworkdirectory", "filename");

    /** Why this source cannot be used whatever the park's settings, or null. */
    public String problem() {
        if (folder == null || uri == null || receipts == null) {
            return "a source needs folder, uri and receipts";
        }
        for (String given : List.of(uri, receipts)) {
            if (REMOTE_SCHEMES.stream().noneMatch(given::startsWith) && !given.startsWith(FILE)) {
                return "source and receipts must be ftp://, ftps://, sftp:// or file: URIs, not " + scheme(given);
            }
            String secret = clearSecret(given);
            if (secret != null) {
                return "a source's " + secret + " must be a placeholder such as {{env:WMS_SFTP_PASSWORD}}, not the secret"
                        + " itself: sources are stored in the database";
            }
            String option = optionProblem(given);
            if (option != null) {
                return option;
            }
            if (given.startsWith(FILE) && !Path.of(filePath(given)).isAbsolute() || given.contains("/../")
                    || filePath(given).endsWith("/..")) {
                return "a source's path must be absolute and without '..': " + mask(given);
            }
        }
        return null;
    }

    /** Why a {@code file:} source or receipts directory lies outside the park's source roots, or empty. */
    public Optional<String> outsideRoots(List<Path> roots) {
        for (String given : List.of(uri, receipts)) {
            if (given.startsWith(FILE) && roots.stream().noneMatch(root -> under(Path.of(filePath(given)), root))) {
                return Optional.of("a file: source must lie under one of the park's source roots (parkhub.sources.file-roots: "
                        + (roots.isEmpty() ? "none set" : roots) + "), not " + filePath(given));
            }
        }
        return Optional.empty();
    }

    /** The URIs as the audit and the console show them: secrets in clear, if any were ever stored, masked. */
    public String describe() {
        return folder + ": " + mask(uri) + " -> " + mask(receipts);
    }

    private static boolean under(Path path, Path root) {
        Path normal = path.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        // links count: a link under the root that leads out of it does not make its target a source
        Path existing = normal;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return false;
        }
        try {
            Path real = existing.toRealPath().resolve(existing.relativize(normal)).normalize();
            return real.startsWith(Files.exists(base) ? base.toRealPath() : base);
        } catch (IOException e) {
            return false;
        }
    }

    /** A bean or class reference (#name, #class:..., #bean:..., #type:...) or a path option leaving the directory. */
    private static String optionProblem(String given) {
        int query = given.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : given.substring(query + 1).split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            if (value.startsWith("#")) {
                return "a source's option " + name + " may not refer to a bean or class (" + value.split(":")[0]
                        + "...): sources take plain values";
            }
            if (PATH_OPTIONS.contains(name.toLowerCase(Locale.ROOT)) && (value.startsWith("/") || value.contains(".."))) {
                return "a source's option " + name + " must stay inside the polled directory (no '/' at the start, no '..')";
            }
        }
        return null;
    }

    private static String filePath(String given) {
        String path = given.substring(given.indexOf(':') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static String scheme(String given) {
        int colon = given.indexOf(':');
        return colon < 0 ? given : given.substring(0, colon + 1);
    }

    private static String mask(String given) {
        Matcher login = SECRET_IN_LOGIN.matcher(given);
        String masked = login.find() ? given.substring(0, login.start(1)) + "***" + given.substring(login.end(1)) : given;
        return SECRET_OPTION.matcher(masked).replaceAll(m -> m.group().substring(0, m.group().indexOf('=') + 1)
                + (PLACEHOLDER.matcher(m.group(2)).matches() ? Matcher.quoteReplacement(m.group(2)) : "***"));
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
