package org.parkhub.journal;

/** What the delivery log reports: a recipient's copies by outcome. */
public interface DeliveryMetrics {

    /** {@code outcome}: delivered, failed (an attempt) or dead. */
    void copies(String recipient, String outcome, long n);
}
