package org.parkhub.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.PropertyName;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.parkhub.model.CanonicalMapper;

/**
 * Writes an HTTP response onto a platform-http exchange, dropping the request's headers, in JSON or, when
 * the request's Accept header asks for XML and not JSON, in XML.
 */
public final class HttpReply {

    private HttpReply() {
    }

    /** A response body in the format the client accepts; {@code xmlRoot} names the XML root element. */
    public static void answer(Exchange exchange, int status, String xmlRoot, Object body) {
        if (wantsXml(exchange)) {
            write(exchange, status, "application/xml", xml(new PropertyName(xmlRoot), body));
        } else {
            write(exchange, status, "application/json", CanonicalMapper.toJson(body));
        }
    }

    static boolean wantsXml(Exchange exchange) {
        String accept = Optional.ofNullable(exchange.getMessage().getHeader("Accept", String.class)).orElse("")
                .toLowerCase(Locale.ROOT);
        return accept.contains("xml") && !accept.contains("json");
    }

    static String xml(PropertyName root, Object body) {
        try {
            return CanonicalMapper.xml().writer().withRootName(root).writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 204: done, nothing to say. */
    public static void noContent(Exchange exchange) {
        Message out = exchange.getMessage();
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 204);
        out.setBody(null);
    }

    public static void write(Exchange exchange, int status, String contentType, String body) {
        Message out = exchange.getMessage();
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, contentType + "; charset=utf-8");
        out.setBody(body);
    }
}
