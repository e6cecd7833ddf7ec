package org.parkhub.ingest;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.parkhub.journal.Incoming;
import org.parkhub.journal.Journal;
import org.parkhub.model.Channel;
import org.parkhub.model.Envelope;
import org.parkhub.model.MessageType;
import org.parkhub.participant.Participant;
import org.parkhub.validate.FieldError;
import org.parkhub.validate.Findings;
import org.parkhub.validate.MessageValidator;

/**
 * What every message-at-a-time ingress (REST, broker) does with the items of one request: refuses the whole
 * request if an item carries another firm's codes, validates each item, and journals the valid ones together.
 */
public class MessageIntake {

    /** The outcome of one item: its message id, or what is wrong with it. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ItemResult(int index, String status, String messageId, List<FieldError> errors,
                             List<FieldError> warnings) {

        static ItemResult accepted(int index, String messageId, List<FieldError> warnings) {
            return new ItemResult(index, "accepted", messageId, List.of(), warnings);
        }

        static ItemResult rejected(int index, List<FieldError> errors, List<FieldError> warnings) {
            return new ItemResult(index, "rejected", null, errors, warnings);
        }

        public boolean isAccepted() {
            return messageId != null;
        }
    }

    /** The items' results; {@code foreignCodes} when the request was refused for carrying another firm's codes. */
    public record Outcome(List<ItemResult> items, boolean foreignCodes) {

        public long accepted() {
            return items.stream().filter(ItemResult::isAccepted).count();
        }

        public long rejected() {
            return items.size() - accepted();
        }
    }

    private final MessageValidator validator;
    private final Journal journal;

    public MessageIntake(MessageValidator validator, Journal journal) {
        this.validator = validator;
        this.journal = journal;
    }

    public Outcome intake(Participant sender, MessageType type, List<ParsedItem> items, Channel channel, String source) {
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
            return new Outcome(foreign, true);
        }
        ItemResult[] results = new ItemResult[items.size()];
        List<Incoming> valid = new ArrayList<>();
        List<Integer> validPositions = new ArrayList<>();
        List<List<FieldError>> validWarnings = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ParsedItem item = items.get(i);
            if (!item.errors().isEmpty()) {
                results[i] = ItemResult.rejected(item.index(), item.errors(), List.of());
                continue;
            }
            Findings findings = validator.validate(item.payload());
            if (findings.hasErrors()) {
                results[i] = ItemResult.rejected(item.index(), findings.errors(), findings.warnings());
            } else {
                valid.add(new Incoming(item.payload(), source + " item " + item.index()));
                validPositions.add(i);
                validWarnings.add(findings.warnings());
            }
        }
        List<Envelope> journaled = valid.isEmpty() ? List.of() : journal.accept(sender.id(), channel, valid);
        for (int i = 0; i < journaled.size(); i++) {
            int position = validPositions.get(i);
            results[position] = ItemResult.accepted(items.get(position).index(), journaled.get(i).messageId(),
                    validWarnings.get(i));
        }
        return new Outcome(List.of(results), false);
    }
}
