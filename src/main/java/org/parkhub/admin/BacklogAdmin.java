package org.parkhub.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.parkhub.ingest.HttpReply;
import org.parkhub.journal.DeliveryLog;
import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantDirectory;

/**
 * {@code GET /api/v1/admin/backlog}: per participant the hub delivers to (webhook, FTP outbox), how many copies
 * are still on their way, so that a recipient falling behind shows before its dead letters do.
 */
public class BacklogAdmin {

    private final AdminAccess access;
    private final DeliveryLog log;
    private final ParticipantDirectory participants;

    public BacklogAdmin(AdminAccess access, DeliveryLog log, ParticipantDirectory participants) {
        this.access = access;
        this.log = log;
        this.participants = participants;
    }

    public void backlog(Exchange exchange) {
        if (access.administrator(exchange).isEmpty()) {
            return;
        }
        Map<String, Long> pending = log.backlog();
        Map<String, Long> backlog = new LinkedHashMap<>();
        for (Participant participant : participants.all()) {
            if (participant.delivery().webhook() || participant.delivery().ftp()) {
                backlog.put(participant.id(), pending.getOrDefault(participant.id(), 0L));
            }
        }
        HttpReply.answer(exchange, 200, "backlog", Map.of("backlog", backlog));
    }
}
