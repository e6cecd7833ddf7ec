package org.parkhub.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.parkhub.http.HttpReply;
import org.parkhub.http.Problem;
import org.parkhub.model.MessageType;
import org.parkhub.participant.ParticipantDirectory;
import org.parkhub.routing.FieldMatch;
import org.parkhub.routing.Subscription;
import org.parkhub.routing.SubscriptionStore;

/** {@code /api/v1/admin/subscriptions}: administrators grant, list and withdraw subscriptions. */
public class SubscriptionAdmin {

    /** What an administrator posts: who, which type, and the filter (all conditions must hold; none = every message). */
    record Request(String participant, String type, List<FieldMatch> filter) {
    }
    private final SubscriptionStore subscriptions;
    private final ParticipantDirectory participants;
    private final AuditLog audit;

    public SubscriptionAdmin(SubscriptionStore subscriptions, ParticipantDirectory participants,
                             AuditLog audit) {
        this.audit = audit;
        this.subscriptions = subscriptions;
        this.participants = participants;
    }

    public void create(Exchange exchange) {
        Admin admin = Admin.of(exchange);
        Optional<Request> body = JsonRequest.read(exchange, Request.class, "a subscription");
        if (body.isEmpty()) {
            return;
        }
        Request request = body.get();
        List<String> problems = new ArrayList<>();
        Optional<MessageType> type = request.type() == null ? Optional.empty() : MessageType.byPath(request.type());
        if (type.isEmpty()) {
            problems.add("type must be a message type such as order or waybill, not " + request.type());
        }
        if (request.participant() == null || participants.byId(request.participant()).isEmpty()) {
            problems.add("participant " + request.participant() + " does not exist");
        }
        List<FieldMatch> filter = request.filter() == null ? List.of() : request.filter();
        if (type.isPresent()) {
            filter.forEach(condition -> condition.problem(type.get().payloadClass()).ifPresent(problems::add));
        }
        if (!problems.isEmpty()) {
            Problem.of(422, "invalid-subscription", "Invalid subscription", String.join("; ", problems)).writeTo(exchange);
            return;
        }
        Subscription created = subscriptions.add(request.participant(), type.get(), filter, admin.name());
        audit.record(admin.name(), "subscription-created", created.id(),
                request.participant() + " receives " + type.get().path() + (filter.isEmpty() ? "" : " where " + filter));
        HttpReply.answer(exchange, 201, "subscription", created);
    }

    public void list(Exchange exchange) {
        HttpReply.answer(exchange, 200, "subscriptions", Map.of("subscriptions", subscriptions.all()));
    }

    public void remove(Exchange exchange) {
        Admin admin = Admin.of(exchange);
        String id = exchange.getMessage().getHeader("id", String.class);
        if (subscriptions.remove(id)) {
            audit.record(admin.name(), "subscription-removed", id, null);
            HttpReply.noContent(exchange);
        } else {
            Problem.of(404, "not-found", "No such subscription", "no subscription " + id).writeTo(exchange);
        }
    }
}
