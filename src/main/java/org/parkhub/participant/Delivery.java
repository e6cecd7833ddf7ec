package org.parkhub.participant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a participant wants its messages: channel {@code queue}, {@code ftp} or {@code webhook}, and format
 * {@code json}, {@code xml}, {@code csv} or {@code ceb-xml}. The webhook secret is kept only to sign requests.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Delivery(String channel, String format, String url, String secret) {

    /** Never prints the webhook secret (participants end up in logs and error messages). */
    @Override
    public String toString() {
        return "Delivery[channel=" + channel + ", format=" + format + ", url=" + url
                + (secret == null ? "" : ", secret=***") + "]";
    }

    public static Delivery defaultQueue() {
        return new Delivery("queue", "json", null, null);
    }
}
