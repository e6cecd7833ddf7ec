package org.parkhub.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.parkhub.alert.AlertMonitor;
import org.parkhub.http.HttpReply;
import org.parkhub.journal.DeliveryLog;
import org.parkhub.journal.TrafficLog;

/**
 * {@code GET /api/v1/admin/overview?minutes=}: the console's first page. Traffic per minute by direction,
 * channel and type (default: the last hour), the rejection rate over that time, copies waiting, dead letters
 * and the alerts that hold.
 */
public class OverviewAdmin {

    private static final int MAX_MINUTES = 24 * 60;
    private final TrafficLog traffic;
    private final DeliveryLog deliveries;
    private final Supplier<Map<String, Long>> backlog;
    private final AlertMonitor alerts;
    private final Clock clock;

    public OverviewAdmin(TrafficLog traffic, DeliveryLog deliveries, Supplier<Map<String, Long>> backlog,
                         AlertMonitor alerts, Clock clock) {
        this.traffic = traffic;
        this.deliveries = deliveries;
        this.backlog = backlog;
        this.alerts = alerts;
        this.clock = clock;
    }

    public void overview(Exchange exchange) {
        long minutes;
        try {
            minutes = QueryParameters.number(exchange, "minutes").orElse(60L);
            if (minutes < 1 || minutes > MAX_MINUTES) {
                throw new QueryParameters.BadQuery("minutes is a number from 1 to " + MAX_MINUTES);
            }
        } catch (QueryParameters.BadQuery e) {
            e.writeTo(exchange);
            return;
        }
        var since = clock.instant().minus(Duration.ofMinutes(minutes));
        TrafficLog.Totals totals = traffic.since(since);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("minutes", minutes);
        answer.put("traffic", traffic.perMinute(since));
        answer.put("accepted", totals.accepted());
        answer.put("rejected", totals.rejected());
        answer.put("rejectionRate", totals.rejectionRate());
        answer.put("backlog", backlog.get().values().stream().mapToLong(Long::longValue).sum());
        answer.put("deadLetters", deliveries.deadPerRecipient().values().stream().mapToLong(Long::longValue).sum());
        answer.put("alerts", alerts.active());
        HttpReply.answer(exchange, 200, "overview", answer);
    }
}
