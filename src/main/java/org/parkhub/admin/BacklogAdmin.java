package org.parkhub.admin;

import java.util.Map;

import jakarta.jms.JMSException;
import org.apache.camel.Exchange;
import org.parkhub.delivery.Backlog;
import org.parkhub.http.HttpReply;
import org.parkhub.http.Problem;

/**
 * {@code GET /api/v1/admin/backlog}: per participant, how many copies are still on their way, so that a
 * recipient falling behind shows before its dead letters do.
 */
public class BacklogAdmin {
    private final Backlog backlog;

    public BacklogAdmin(Backlog backlog) {
        this.backlog = backlog;
    }

    public void backlog(Exchange exchange) {
        try {
            HttpReply.answer(exchange, 200, "backlog", Map.of("backlog", backlog.perRecipient()));
        } catch (JMSException e) {
            Problem.of(503, "broker-unavailable", "Broker unavailable", e.getMessage()).writeTo(exchange);
        }
    }
}
