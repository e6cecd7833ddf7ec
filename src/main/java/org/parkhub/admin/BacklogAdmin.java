package org.parkhub.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.jms.JMSException;
import org.apache.camel.Exchange;
import org.parkhub.delivery.QueueDepths;
import org.parkhub.ingest.HttpReply;
import org.parkhub.ingest.Problem;
import org.parkhub.journal.DeliveryLog;
import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantDirectory;

/**
 * {@code GET /api/v1/admin/backlog}: per participant, how many copies are still on their way, so that a
 * recipient falling behind shows before its dead letters do. For recipients the hub delivers to (webhook,
 * FTP outbox) the journal knows; for those reading their own queue, the broker's queue depth is the backlog.
 */
public class BacklogAdmin {

    private final AdminAccess access;
    private final DeliveryLog log;
    private final QueueDepths queues;
    private final ParticipantDirectory participants;

    public BacklogAdmin(AdminAccess access, DeliveryLog log, QueueDepths queues, ParticipantDirectory participants) {
        this.access = access;
        this.log = log;
        this.queues = queues;
        this.participants = participants;
    }

    public void backlog(Exchange exchange) {
        if (access.administrator(exchange).isEmpty()) {
            return;
        }
        Map<String, Long> pending = log.backlog();
        Map<String, Long> backlog = new LinkedHashMap<>();
        try {
            for (Participant participant : participants.all()) {
                boolean hubDelivers = participant.delivery().webhook() || participant.delivery().ftp();
                backlog.put(participant.id(), hubDelivers ? pending.getOrDefault(participant.id(), 0L)
                        : queues.messages(participant.deliveryQueue()));
            }
        } catch (JMSException e) {
            Problem.of(503, "broker-unavailable", "Broker unavailable", e.getMessage()).writeTo(exchange);
            return;
        }
        HttpReply.answer(exchange, 200, "backlog", Map.of("backlog", backlog));
    }
}
