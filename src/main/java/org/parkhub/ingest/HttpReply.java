package org.parkhub.ingest;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.parkhub.model.CanonicalMapper;

/** Writes an HTTP response onto a platform-http exchange, dropping the request's headers. */
public final class HttpReply {

    private HttpReply() {
    }

    public static void json(Exchange exchange, int status, Object body) {
        write(exchange, status, "application/json", CanonicalMapper.toJson(body));
    }

    public static void write(Exchange exchange, int status, String contentType, String body) {
        Message out = exchange.getMessage();
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, contentType + "; charset=utf-8");
        out.setBody(body);
    }
}
