package org.parkhub.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Serves the console's files (src/main/resources/console) under {@code /console/}. The console page itself
 * is given only to a logged-in administrator (anyone else is sent to the login page); the login page and
 * the scripts and styles both use are public, and hold nothing but code. Every answer forbids framing and
 * foreign scripts (Content-Security-Policy).
 */
public class ConsoleAssets {

    private static final Pattern NAME = Pattern.compile("/console/?([a-z0-9-]+\\.(html|js|css|svg))?");
    private static final String APP_PAGE = "index.html";
    private static final String LOGIN_PAGE = "login.html";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml");
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private static final byte[] NOT_FOUND = "not found".getBytes(StandardCharsets.UTF_8);

    private final AdminSessions sessions;

    public ConsoleAssets(AdminSessions sessions) {
        this.sessions = sessions;
    }

    public void serve(Exchange exchange) throws IOException {
        Message in = exchange.getMessage();
        String path = Optional.ofNullable(in.getHeader(Exchange.HTTP_PATH, String.class)).orElse("/console/");
        Matcher matcher = NAME.matcher(path);
        if (!matcher.matches()) {
            answer(exchange, 404, "text/plain; charset=utf-8", NOT_FOUND);
            return;
        }
        String name = matcher.group(1) == null ? APP_PAGE : matcher.group(1);
        if (name.equals(APP_PAGE) && SessionCookie.read(exchange).flatMap(sessions::find).isEmpty()) {
            answer(exchange, 302, "text/plain; charset=utf-8", new byte[0]);
            exchange.getMessage().setHeader("Location", "/console/" + LOGIN_PAGE);
            return;
        }
        try (InputStream resource = ConsoleAssets.class.getResourceAsStream("/console/" + name)) {
            if (resource == null) {
                answer(exchange, 404, "text/plain; charset=utf-8", NOT_FOUND);
                return;
            }
            answer(exchange, 200, TYPES.get(matcher.group(2) == null ? "html" : matcher.group(2)), resource.readAllBytes());
        }
    }

    private static void answer(Exchange exchange, int status, String contentType, byte[] body) {
        Message out = exchange.getMessage();
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, contentType);
        out.setHeader("Content-Security-Policy", POLICY);
        out.setHeader("X-Content-Type-Options", "nosniff");
        out.setHeader("Referrer-Policy", "no-referrer");
        out.setHeader("Cache-Control", "no-store");
        out.setBody(body);
    }
}
