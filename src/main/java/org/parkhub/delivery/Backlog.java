package org.parkhub.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.JMSException;
import org.parkhub.journal.DeliveryLog;
import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantDirectory;

/**
 * How many copies are still on their way to each participant: for recipients the hub delivers to (webhook,
 * FTP outbox) the journal knows; for those reading their own queue, the broker's queue depth is the backlog
 * (their copies stay QUEUED in the journal: the hub does not see them read).
 */
public class Backlog {

    private final DeliveryLog log;
    private final QueueDepths queues;
    private final ParticipantDirectory participants;

    public Backlog(DeliveryLog log, QueueDepths queues, ParticipantDirectory participants) {
        this.log = log;
        this.queues = queues;
        this.participants = participants;
    }

    public Map<String, Long> perRecipient() throws JMSException {
        List<String> hubDelivered = participants.all().stream().filter(Backlog::hubDelivers).map(Participant::id).toList();
        Map<String, Long> pending = log.backlog(hubDelivered);
        Map<String, Long> backlog = new LinkedHashMap<>();
        for (Participant participant : participants.all()) {
            backlog.put(participant.id(), hubDelivers(participant) ? pending.getOrDefault(participant.id(), 0L)
                    : queues.messages(participant.deliveryQueue()));
        }
        return backlog;
    }

    private static boolean hubDelivers(Participant participant) {
        return participant.delivery().webhook() || participant.delivery().ftp();
    }
}
