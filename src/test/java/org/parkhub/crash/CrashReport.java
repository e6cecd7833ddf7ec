package org.parkhub.crash;

import java.time.Duration;
import java.util.List;

/** What a crash run found; {@link #holds()} is the verdict, {@link #toString()} the figures for the README. */
record CrashReport(CrashHarness.Plan plan, List<Long> killedAfterMillis, int uploads, int resends, int requestRetries,
                   long lost, long duplicated, long documentsTwice, long fileRowsJournaled, long fileRowsAccepted, long ordersJournaled,
                   long ordersAccepted, long unrouted, List<Delivered> deliveries, List<String> receipts,
                   Duration took) {

    /** What one recipient read from its queue: copies (redelivered ones too), the messages meant for it, missing ones. */
    record Delivered(String recipient, long copies, long messages, long missing) {
        @Override
        public String toString() {
            return recipient + ": " + copies + " copies received for " + messages + " messages, missing " + missing;
        }
    }

    boolean holds() {
        return lost == 0 && duplicated == 0 && documentsTwice == 0 && unrouted == 0 && !deliveries.isEmpty()
                && deliveries.stream().allMatch(d -> d.missing() == 0)
                && fileRowsJournaled == fileRowsAccepted && fileRowsAccepted == plan.rows()
                && ordersJournaled == ordersAccepted && ordersAccepted == plan.orders()
                // one final receipt per upload of the export, each answering every row (taken now or before)
                && receipts.size() == resends + 1
                && receipts.stream().allMatch(r -> r.endsWith(" ACCEPTED") || r.endsWith(" DUPLICATE"));
    }

    @Override
    public String toString() {
        return String.format("""
                crash run: seed %d, %d rounds (SIGKILL after %s ms of uptime), %.0f s
                  file: %d rows, %d uploads (%d of them the export sent again under another name), journaled %d of
                    %d accepted rows, receipts %s
                  REST: %d orders, %d retried requests, journaled %d of %d accepted
                  lost %d, duplicated %d, documents taken twice %d, not routed %d
                  queues: %s
                  verdict: %s""",
                plan.seed(), plan.rounds(), killedAfterMillis, took.toMillis() / 1000.0,
                plan.rows(), uploads, resends, fileRowsJournaled, fileRowsAccepted, receipts,
                plan.orders(), requestRetries, ordersJournaled, ordersAccepted,
                lost, duplicated, documentsTwice, unrouted,
                deliveries,
                holds() ? "nothing lost, nothing doubled" : "FAILED");
    }

    /** Collects the figures as the harness finds them. */
    static final class Builder {
        private final CrashHarness.Plan plan;
        private final List<Long> killedAfterMillis;
        private final int uploads;
        private final int resends;
        private final int requestRetries;
        private long lost;
        private long duplicated;
        private long documentsTwice;
        private long fileRowsJournaled;
        private long fileRowsAccepted;
        private long ordersJournaled;
        private long ordersAccepted;
        private long unrouted;
        private final List<Delivered> deliveries = new java.util.ArrayList<>();
        private List<String> receipts = List.of();

        Builder(CrashHarness.Plan plan, List<Long> killedAfterMillis, int uploads, int resends, int requestRetries) {
            this.plan = plan;
            this.killedAfterMillis = killedAfterMillis;
            this.uploads = uploads;
            this.resends = resends;
            this.requestRetries = requestRetries;
        }

        void journal(long lost, long duplicated, long documentsTwice, long fileRowsJournaled, long fileRowsAccepted,
                     long ordersJournaled, long ordersAccepted, long unrouted) {
            this.lost = lost;
            this.duplicated = duplicated;
            this.documentsTwice = documentsTwice;
            this.fileRowsJournaled = fileRowsJournaled;
            this.fileRowsAccepted = fileRowsAccepted;
            this.ordersJournaled = ordersJournaled;
            this.ordersAccepted = ordersAccepted;
            this.unrouted = unrouted;
        }

        void delivered(Delivered delivered) {
            deliveries.add(delivered);
        }

        void receipts(List<String> receipts) {
            this.receipts = receipts;
        }

        CrashReport build(Duration took) {
            return new CrashReport(plan, killedAfterMillis, uploads, resends, requestRetries, lost, duplicated,
                    documentsTwice, fileRowsJournaled,
                    fileRowsAccepted, ordersJournaled, ordersAccepted, unrouted, List.copyOf(deliveries), receipts, took);
        }
    }
}
