package org.parkhub.admin;

import java.util.Map;

import org.apache.camel.Exchange;
import org.parkhub.alert.AlertMonitor;
import org.parkhub.http.HttpReply;

/** {@code GET /api/v1/admin/alerts}: the alerts that hold now, oldest first. */
public class AlertAdmin {
    private final AlertMonitor alerts;

    public AlertAdmin(AlertMonitor alerts) {
        this.alerts = alerts;
    }

    public void list(Exchange exchange) {
        HttpReply.answer(exchange, 200, "alerts", Map.of("alerts", alerts.active()));
    }
}
