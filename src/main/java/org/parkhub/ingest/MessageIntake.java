package org.parkhub.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.parkhub.customs.CebSignatures;
import org.parkhub.journal.Incoming;
import org.parkhub.journal.Journal;
import org.parkhub.journal.JournalException;
import org.parkhub.journal.JournalProjection;
import org.parkhub.journal.Journaled;
import org.parkhub.journal.SignedDocument;
import org.parkhub.journal.SignedDocuments;
import org.parkhub.model.Channel;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.MessageType;
import org.parkhub.participant.Participant;
import org.parkhub.validate.FieldError;
import org.parkhub.validate.Findings;
import org.parkhub.validate.MessageValidator;

/**
 * The one way into the journal, for every channel: whether a sender may send a type at all, what is wrong with a
 * record (what its reader found, else validation and the sender's own codes), and journaling. Requests (REST, CEB,
 * broker) hand in their items together ({@link #intake}); files hand in a batch of checked records at a time
 * ({@link #check}, {@link #journal}). Each channel answers its sender in its own way from what this returns.
 */
public class MessageIntake {

    /**
     * The outcome of one item: accepted (its message id, what it did to its document: {@code new}, {@code modify} or
     * {@code cancel}; a revision of a known document also its {@code revision} and the message it {@code supersedes}),
     * a duplicate of a document journaled before (that message's id), or what is wrong with it.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ItemResult(int index, String status, String messageId, DocumentAction action, Integer revision,
                             String supersedes, List<FieldError> errors, List<FieldError> warnings) {

        static final String ACCEPTED = "accepted";
        static final String DUPLICATE = "duplicate";
        static final String REJECTED = "rejected";

        static ItemResult rejected(int index, List<FieldError> errors, List<FieldError> warnings) {
            return new ItemResult(index, REJECTED, null, null, null, null, errors, warnings);
        }

        /** What the journal made of a valid item. */
        static ItemResult of(int index, Journaled journaled, List<FieldError> warnings) {
            return switch (journaled.disposition()) {
                case NEW, REVISION -> new ItemResult(index, ACCEPTED, journaled.messageId(), journaled.envelope().action(),
                        journaled.envelope().revision(), journaled.envelope().supersedes(), List.of(), warnings);
                case DUPLICATE -> new ItemResult(index, DUPLICATE, journaled.messageId(), null, null, null, List.of(),
                        warnings);
                case REFUSED -> rejected(index, List.of(refusal(journaled)), warnings);
            };
        }

        @JsonIgnore
        public boolean isAccepted() {
            return ACCEPTED.equals(status);
        }

        @JsonIgnore
        public boolean isDuplicate() {
            return DUPLICATE.equals(status);
        }
    }

    /** The items' results; {@code foreignCodes} when the request was refused for carrying another firm's codes. */
    public record Outcome(List<ItemResult> items, boolean foreignCodes) {

        public long accepted() {
            return items.stream().filter(ItemResult::isAccepted).count();
        }

        public long duplicates() {
            return items.stream().filter(ItemResult::isDuplicate).count();
        }

        public long rejected() {
            return items.size() - accepted() - duplicates();
        }
    }

    /** Why the journal refused an arrival, as a field error the sender's channel can answer. */
    public static FieldError refusal(Journaled journaled) {
        return new FieldError("", journaled.refusal().code(), journaled.refusal().reason());
    }

    /** What is wrong with one record (it is rejected when anything is), and what is worth a warning. */
    public record Checked(List<FieldError> errors, List<FieldError> warnings) {

        public boolean passed() {
            return errors.isEmpty();
        }

        /** With one more warning, if there is one. */
        public Checked with(Optional<FieldError> warning) {
            if (warning.isEmpty()) {
                return this;
            }
            List<FieldError> more = new ArrayList<>(warnings);
            more.add(warning.get());
            return new Checked(errors, more);
        }
    }

    /** The warning every item of a signed document carries when its signature does not verify. */
    public static Optional<FieldError> signatureWarning(Optional<SignedDocument> signed) {
        return signed.filter(d -> d.signature().equals(CebSignatures.Status.INVALID.name()))
                .map(d -> new FieldError("signature", "SIGNATURE_INVALID", d.verdict()));
    }

    /** A sender's key for a request (REST Idempotency-Key, broker message id) with the hash of its body. */
    public record RequestKey(String key, String bodySha256) {
    }

    /** The key was used before for a different body. */
    public static class KeyConflict extends Exception {
        public KeyConflict(String key) {
            super("the key " + key + " was used before for a different request");
        }
    }

    private final MessageValidator validator;
    private final Journal journal;
    private final IdempotencyKeys keys;
    private final IntakeMetrics metrics;
    private final JournalProjection projection;

    public MessageIntake(MessageValidator validator, Journal journal, IdempotencyKeys keys, IntakeMetrics metrics) {
        this(validator, journal, keys, metrics, JournalProjection.NONE);
    }

    /** {@code projection} is kept in step with every batch journaled, in its transaction. */
    public MessageIntake(MessageValidator validator, Journal journal, IdempotencyKeys keys, IntakeMetrics metrics,
            JournalProjection projection) {
        this.validator = validator;
        this.journal = journal;
        this.keys = keys;
        this.metrics = metrics;
        this.projection = projection;
    }

    /** Whether the sender may send messages of this type at all; every channel asks before it reads anything. */
    public boolean maySend(Participant sender, MessageType type) {
        return SenderPolicy.maySend(sender, type);
    }

    /**
     * Checks one record: what its reader found wrong ({@code readErrors}) rejects it as it is; otherwise validation,
     * and a code field that is not the sender's own.
     */
    public Checked check(Participant sender, MessageType type, Record payload, List<FieldError> readErrors) {
        if (!readErrors.isEmpty()) {
            return new Checked(readErrors, List.of());
        }
        Findings findings = validator.validate(payload);
        List<FieldError> errors = new ArrayList<>(findings.errors());
        errors.addAll(SenderPolicy.foreignCodes(sender, type, payload));
        return new Checked(errors, findings.warnings());
    }

    /** Journals a batch of checked records of one sender (a file's batch); what became of each, in order. */
    public List<Journaled> journal(Participant sender, Channel channel, List<Incoming> batch) {
        return journal(sender, channel, batch, Optional.empty());
    }

    /** As {@link #journal(Participant, Channel, List)}, for records read from a signed document, which is kept. */
    public List<Journaled> journal(Participant sender, Channel channel, List<Incoming> batch,
            Optional<SignedDocument> signed) {
        return journalBatch(sender, channel, batch, (connection, journaled) -> keep(connection, sender, signed, journaled));
    }

    /** The rows {@code fromRow..toRow} of an inbound file that an interrupted run journaled, with their message ids. */
    public Map<Long, String> journaledRows(String fileId, long fromRow, long toRow) {
        return journal.messagesOfFile(fileId, fromRow, toRow);
    }

    /**
     * Takes the items of one request. With a key, a repeated request (same key, same body) gets the first
     * outcome again and journals nothing; the same key with another body is a {@link KeyConflict}.
     */
    public Outcome intake(Participant sender, MessageType type, List<ParsedItem> items, Channel channel, String source,
                          Optional<RequestKey> key) throws KeyConflict {
        return intake(sender, type, items, channel, source, key, Optional.empty());
    }

    /**
     * As above, for the items of a signed customs document: the document is kept with the messages journaled from
     * it, and a signature that does not verify is a warning on every item.
     */
    public Outcome intake(Participant sender, MessageType type, List<ParsedItem> items, Channel channel, String source,
                          Optional<RequestKey> key, Optional<SignedDocument> signed) throws KeyConflict {
        if (key.isPresent()) {
            Optional<IdempotencyKeys.Seen> seen = keys.find(sender.id(), key.get().key());
            if (seen.isPresent()) {
                return replay(seen.get(), key.get());
            }
        }
        try {
            long started = System.nanoTime();
            Outcome outcome = decide(sender, type, items, channel, source, key, signed);
            metrics.received(channel, type, sender.id(), outcome.accepted(), outcome.rejected());
            metrics.intakeTime(channel, type, sender.id(), Duration.ofNanos(System.nanoTime() - started));
            return outcome;
        } catch (JournalException e) {
            // a concurrent twin recorded the key first: its outcome is the answer
            Optional<IdempotencyKeys.Seen> seen = key.flatMap(k -> keys.find(sender.id(), k.key()));
            if (seen.isPresent()) {
                return replay(seen.get(), key.get());
            }
            throw e;
        }
    }

    private static Outcome replay(IdempotencyKeys.Seen seen, RequestKey key) throws KeyConflict {
        if (!seen.bodySha256().equals(key.bodySha256())) {
            throw new KeyConflict(key.key());
        }
        return seen.outcome();
    }

    private Outcome decide(Participant sender, MessageType type, List<ParsedItem> items, Channel channel, String source,
                           Optional<RequestKey> key, Optional<SignedDocument> signed) {
        Optional<FieldError> signatureWarning = signatureWarning(signed);
        List<ItemResult> foreign = new ArrayList<>();
        for (ParsedItem item : items) {
            if (item.payload() != null) {
                List<FieldError> errors = SenderPolicy.foreignCodes(sender, type, item.payload());
                if (!errors.isEmpty()) {
                    foreign.add(ItemResult.rejected(item.index(), errors, List.of()));
                }
            }
        }
        if (!foreign.isEmpty()) {
            return recorded(sender, key, new Outcome(foreign, true));
        }
        ItemResult[] results = new ItemResult[items.size()];
        List<Incoming> valid = new ArrayList<>();
        List<Integer> validPositions = new ArrayList<>();
        List<List<FieldError>> validWarnings = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ParsedItem item = items.get(i);
            Checked checked = check(sender, type, item.payload(), item.errors()).with(signatureWarning);
            if (!checked.passed()) {
                results[i] = ItemResult.rejected(item.index(), checked.errors(), checked.warnings());
            } else {
                valid.add(new Incoming(item.payload(), source + " item " + item.index(), item.action()));
                validPositions.add(i);
                validWarnings.add(checked.warnings());
            }
        }
        if (valid.isEmpty()) {
            return recorded(sender, key, new Outcome(List.of(results), false));
        }
        Outcome[] outcome = new Outcome[1];
        journalBatch(sender, channel, valid, (connection, journaled) -> {
            keep(connection, sender, signed, journaled);
            for (int i = 0; i < journaled.size(); i++) {
                int position = validPositions.get(i);
                results[position] = ItemResult.of(items.get(position).index(), journaled.get(i), validWarnings.get(i));
            }
            outcome[0] = new Outcome(List.of(results), false);
            if (key.isPresent()) {
                keys.record(connection, sender.id(), key.get().key(), key.get().bodySha256(), outcome[0]);
            }
        });
        return outcome[0];
    }

    /** A signed document, kept with the messages journaled from it now (not with duplicates of earlier ones). */
    private static void keep(Connection connection, Participant sender, Optional<SignedDocument> signed,
            List<Journaled> journaled) throws SQLException {
        if (signed.isEmpty()) {
            return;
        }
        List<Journaled> taken = journaled.stream().filter(Journaled::isJournaled).toList();
        if (!taken.isEmpty()) {
            SignedDocuments.keep(connection, signed.get(), sender.id(), taken.get(0).envelope().receivedAt(),
                    taken.stream().map(Journaled::messageId).toList());
        }
    }

    /** Every channel's messages enter the journal here. */
    private List<Journaled> journalBatch(Participant sender, Channel channel, List<Incoming> batch,
                                        Journal.SameTransaction alsoDo) {
        return journal.accept(sender.id(), channel, batch, (connection, journaled) -> {
            projection.journaled(connection, journaled);
            alsoDo.run(connection, journaled);
        });
    }

    /** An outcome that journaled nothing, recorded under the key all the same: a retry gets it again. */
    private Outcome recorded(Participant sender, Optional<RequestKey> key, Outcome outcome) {
        if (key.isPresent()) {
            journal.inTransaction((connection, none) ->
                    keys.record(connection, sender.id(), key.get().key(), key.get().bodySha256(), outcome));
        }
        return outcome;
    }
}
