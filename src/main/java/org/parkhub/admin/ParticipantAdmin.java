package org.parkhub.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.parkhub.http.HttpReply;
import org.parkhub.http.Problem;
import org.parkhub.ingest.csv.CsvProfile;
import org.parkhub.ingest.csv.CsvProfiles;
import org.parkhub.ingest.csv.ProfileAssignments;
import org.parkhub.ingest.file.InboundFiles;
import org.parkhub.journal.TrafficLog;
import org.parkhub.participant.ApiKey;
import org.parkhub.participant.CodeTakenException;
import org.parkhub.participant.Delivery;
import org.parkhub.participant.NewSecret;
import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantChanges;
import org.parkhub.participant.ParticipantDirectory;
import org.parkhub.participant.ParticipantForm;
import org.parkhub.participant.ParticipantPolicy;
import org.parkhub.participant.ParticipantStore;
import org.parkhub.participant.RemoteSource;
import org.parkhub.participant.Role;
import org.parkhub.participant.SecretHasher;

/**
 * {@code /api/v1/admin/participants}: the park's firms with how they are doing (last activity per channel,
 * files taken in, rejection rate over the last day, backlog); onboarding a firm (its API key and FTP password
 * are generated and shown once); changing one (name, roles, codes, CSV profile per folder, delivery); and
 * {@code /admin/profiles}, the CSV profiles an administrator can assign.
 */
public class ParticipantAdmin {

    private static final Duration RATE_WINDOW = Duration.ofDays(1);
    private final ParticipantDirectory directory;
    private final ParticipantStore store;
    private final ParticipantChanges changes;
    private final CsvProfiles profiles;
    private final SecretHasher hasher;
    private final ParticipantPolicy policy;
    private final TrafficLog traffic;
    private final InboundFiles files;
    private final Supplier<Map<String, Long>> backlog;
    private final AuditLog audit;
    private final Clock clock;

    public ParticipantAdmin(ParticipantDirectory directory, ParticipantStore store,
                            ParticipantChanges changes, CsvProfiles profiles, SecretHasher hasher, ParticipantPolicy policy,
                            TrafficLog traffic, InboundFiles files, Supplier<Map<String, Long>> backlog, AuditLog audit, Clock clock) {
        this.policy = policy;
        this.directory = directory;
        this.store = store;
        this.changes = changes;
        this.profiles = profiles;
        this.hasher = hasher;
        this.traffic = traffic;
        this.files = files;
        this.backlog = backlog;
        this.audit = audit;
        this.clock = clock;
    }

    public void list(Exchange exchange) {
        Map<String, Map<String, OffsetDateTime>> lastActivity = traffic.lastActivity();
        Map<String, TrafficLog.Totals> lastDay = traffic.perParticipant(clock.instant().minus(RATE_WINDOW));
        Map<String, Long> fileCounts = files.countPerParticipant();
        Map<String, Long> waiting = backlog.get();
        List<Map<String, Object>> list = new ArrayList<>();
        for (Participant p : directory.all().stream().sorted(Comparator.comparing(Participant::id)).toList()) {
            Map<String, Object> view = describe(p);
            view.put("lastActivity", new TreeMap<>(lastActivity.getOrDefault(p.id(), Map.of())));
            view.put("filesReceived", fileCounts.getOrDefault(p.id(), 0L));
            TrafficLog.Totals totals = lastDay.getOrDefault(p.id(), new TrafficLog.Totals(0, 0));
            view.put("lastDay", Map.of("accepted", totals.accepted(), "rejected", totals.rejected(),
                    "rejectionRate", totals.rejectionRate()));
            view.put("backlog", waiting.getOrDefault(p.id(), 0L));
            list.add(view);
        }
        HttpReply.answer(exchange, 200, "participants", Map.of("participants", list));
    }

    /** {@code POST}: onboards a firm; the answer holds its API key and FTP password, shown this once. */
    public void create(Exchange exchange) throws Exception {
        Admin admin = Admin.of(exchange);
        Optional<Participant> participant = checked(exchange, JsonRequest.read(exchange, ParticipantForm.class, "a participant"));
        if (participant.isEmpty()) {
            return;
        }
        Participant p = participant.get();
        if (store.exists(p.id())) {
            Problem.of(409, "exists", "Participant exists", "there is already a participant " + p.id()).writeTo(exchange);
            return;
        }
        ApiKey apiKey = ApiKey.generate();
        String ftpPassword = NewSecret.ftpPassword();
        try {
            store.insert(new ParticipantStore.Stored(p, apiKey.id(), hasher.hash(apiKey.text()), hasher.hash(ftpPassword)));
        } catch (CodeTakenException e) {
            Problem.of(409, "code-taken", "Code taken", e.getMessage()).writeTo(exchange);
            return;
        }
        changes.joined(p);
        audit.record(admin.name(), "participant-created", p.id(), describe(p).toString());
        Map<String, Object> answer = describe(p);
        answer.put("apiKey", apiKey.text());
        answer.put("ftpPassword", ftpPassword);
        HttpReply.answer(exchange, 201, "participant", answer);
    }

    /**
     * {@code PUT /{id}}: replaces name, roles, codes, profiles and delivery. A webhook delivery sent without its
     * secret keeps the one the participant has (the console never sees it).
     */
    public void update(Exchange exchange) throws Exception {
        Admin admin = Admin.of(exchange);
        String id = exchange.getMessage().getHeader("id", String.class);
        Optional<Participant> before = directory.byId(id);
        if (before.isEmpty()) {
            Problem.of(404, "not-found", "No such participant", "no participant " + id).writeTo(exchange);
            return;
        }
        Optional<ParticipantForm> form = JsonRequest.read(exchange, ParticipantForm.class, "a participant");
        if (form.isEmpty()) {
            return;
        }
        if (form.get().id() != null && !form.get().id().equals(id)) {
            Problem.of(422, "invalid-participant", "Invalid participant", "a participant's id cannot change").writeTo(exchange);
            return;
        }
        Optional<Participant> participant = checked(exchange, Optional.of(keepSecret(form.get(), id, before.get())));
        if (participant.isEmpty()) {
            return;
        }
        try {
            store.update(participant.get());
        } catch (CodeTakenException e) {
            Problem.of(409, "code-taken", "Code taken", e.getMessage()).writeTo(exchange);
            return;
        }
        changes.changed(before.get(), participant.get());
        audit.record(admin.name(), "participant-changed", id, describe(participant.get()).toString());
        HttpReply.answer(exchange, 200, "participant", describe(participant.get()));
    }

    /** {@code GET /api/v1/admin/profiles}. */
    public void profiles(Exchange exchange) {
        List<Map<String, String>> list = new ArrayList<>();
        for (CsvProfile profile : profiles.all()) {
            list.add(Map.of("name", profile.name(), "type", profile.type().path(), "encoding",
                    profile.encoding().map(Object::toString).orElse("detected")));
        }
        HttpReply.answer(exchange, 200, "profiles", Map.of("profiles", list));
    }

    private static ParticipantForm keepSecret(ParticipantForm form, String id, Participant before) {
        Delivery sent = form.delivery();
        Delivery kept = sent != null && sent.webhook() && sent.secret() == null && before.delivery().webhook()
                ? sent.withSecret(before.delivery().secret())
                : sent;
        return new ParticipantForm(id, form.name(), form.roles(), form.codes(), form.profiles(), kept, form.sources());
    }

    /** The form as a participant; empty after answering 422 with everything wrong with it. */
    private Optional<Participant> checked(Exchange exchange, Optional<ParticipantForm> form) {
        if (form.isEmpty()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>(form.get().problems());
        if (form.get().profiles() != null) {
            problems.addAll(ProfileAssignments.problems(form.get().profiles(), profiles));
        }
        if (problems.isEmpty()) {
            Participant participant = form.get().toParticipant();
            problems.addAll(policy.problems(participant));
            if (problems.isEmpty()) {
                return Optional.of(participant);
            }
        }
        Problem.of(422, "invalid-participant", "Invalid participant", String.join("; ", problems)).writeTo(exchange);
        return Optional.empty();
    }

    /** A participant without its secrets. */
    private static Map<String, Object> describe(Participant p) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", p.id());
        view.put("name", p.name());
        view.put("roles", p.roles().stream().map(Role::name).sorted().toList());
        Map<String, String> codes = new TreeMap<>();
        p.codes().forEach((type, code) -> codes.put(type.fieldName(), code));
        view.put("codes", codes);
        view.put("profiles", new TreeMap<>(p.profiles()));
        Delivery d = p.delivery();
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("channel", d.channel());
        delivery.put("format", d.format());
        putIfSet(delivery, "url", d.url());
        putIfSet(delivery, "maxAttempts", d.maxAttempts());
        putIfSet(delivery, "batchSize", d.batchSize());
        putIfSet(delivery, "batchSeconds", d.batchSeconds());
        view.put("delivery", delivery);
        view.put("remoteSources", p.sources().size());
        // the audit records this view: which directory or server a source polls must be in it (secrets masked)
        view.put("sources", p.sources().stream().map(RemoteSource::describe).toList());
        return view;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
