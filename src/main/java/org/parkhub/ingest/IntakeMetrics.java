package org.parkhub.ingest;

import java.time.Duration;

import org.parkhub.model.Channel;
import org.parkhub.model.MessageType;

/** What the intake reports of its work: messages taken and refused per channel, type and sender, and how long it took. */
public interface IntakeMetrics {

    void received(Channel channel, MessageType type, String sender, long accepted, long rejected);

    /** How long taking in one request or file took (validation and journaling, receipt included for files). */
    void intakeTime(Channel channel, MessageType type, String sender, Duration took);
}
