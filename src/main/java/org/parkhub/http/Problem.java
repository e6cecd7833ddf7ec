package org.parkhub.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.PropertyName;
import org.apache.camel.Exchange;
import org.parkhub.model.CanonicalMapper;

/** RFC 9457 problem details, with extension members such as per-item field errors. */
public final class Problem {

    static final String TYPE_BASE = "https://parkhub.example/problems/";

    private final Map<String, Object> members = new LinkedHashMap<>();

    private Problem(int status, String slug, String title, String detail) {
        members.put("type", TYPE_BASE + slug);
        members.put("title", title);
        members.put("status", status);
        members.put("detail", detail);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(status, slug, title, detail);
    }

    /** 429 for a client that must wait: the detail ends with the wait in whole seconds, which Retry-After gives too. */
    public static void tooMany(Exchange exchange, String slug, String title, String why, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        of(429, slug, title, why + "; retry in " + seconds + " s").writeTo(exchange);
        exchange.getMessage().setHeader("Retry-After", seconds);
    }

    public Problem with(String member, Object value) {
        members.put(member, value);
        return this;
    }

    /** As application/problem+json, or application/problem+xml (RFC 9457 appendix B) when the client asks for XML. */
    public void writeTo(Exchange exchange) {
        int status = (Integer) members.get("status");
        if (HttpReply.wantsXml(exchange)) {
            HttpReply.write(exchange, status, "application/problem+xml",
                    HttpReply.xml(new PropertyName("problem", "urn:ietf:rfc:7807"), members));
        } else {
            HttpReply.write(exchange, status, "application/problem+json", CanonicalMapper.toJson(members));
        }
    }
}
