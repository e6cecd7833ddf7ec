package org.parkhub.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

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

    public Problem with(String member, Object value) {
        members.put(member, value);
        return this;
    }

    public void writeTo(Exchange exchange) {
        HttpReply.write(exchange, (Integer) members.get("status"), "application/problem+json",
                CanonicalMapper.toJson(members));
    }
}
