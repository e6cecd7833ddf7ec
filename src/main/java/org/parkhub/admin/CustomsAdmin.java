package org.parkhub.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.camel.Exchange;
import org.parkhub.declaration.Declarations;
import org.parkhub.http.HttpReply;
import org.parkhub.http.Problem;
import org.parkhub.journal.Journal;
import org.parkhub.journal.JournalEntry;
import org.parkhub.model.CaseState;
import org.parkhub.model.Documents;
import org.parkhub.model.MessageType;
import org.parkhub.model.PrecheckFinding;
import org.parkhub.model.PrecheckResult;
import org.parkhub.participant.ParticipantDirectory;
import org.parkhub.participant.PartyCode;
import org.parkhub.precheck.CaseIndex;
import org.parkhub.precheck.CustomsCase;
import org.parkhub.precheck.CustomsCaseApi;
import org.parkhub.precheck.CustomsCases;

/**
 * {@code /api/v1/admin/customs}: the console's Customs page. The cases by state, those that need someone (mismatches,
 * customs' rejections) first; one case with its documents and timeline (its documents' current revisions, each
 * pre-check result, customs' answers); and a compliance summary per platform: per day, how many cases each rule was
 * found on (customs' own rejections as {@code REJECTED}).
 */
public class CustomsAdmin {

    private static final int MAX_PAGE = 200;
    private static final int MAX_DAYS = 92;

    private final CaseIndex index;
    private final CustomsCases cases;
    private final Declarations declarations;
    private final Journal journal;
    private final ParticipantDirectory participants;
    private final Clock clock;
    private final ZoneId zone;

    public CustomsAdmin(CaseIndex index, CustomsCases cases, Declarations declarations, Journal journal,
            ParticipantDirectory participants, Clock clock, ZoneId zone) {
        this.index = index;
        this.cases = cases;
        this.declarations = declarations;
        this.journal = journal;
        this.participants = participants;
        this.clock = clock;
        this.zone = zone;
    }

    /** {@code GET /cases?state=&ebpCode=&limit=}. */
    public void list(Exchange exchange) {
        try {
            Optional<CaseState> state = QueryParameters.choice(exchange, "state", CaseState.class);
            int limit = QueryParameters.limit(exchange, 50, MAX_PAGE);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("counts", index.counts());
            answer.put("items", index.list(state, QueryParameters.text(exchange, "ebpCode").orElse(null), limit));
            HttpReply.answer(exchange, 200, "customs cases", answer);
        } catch (QueryParameters.BadQuery e) {
            e.writeTo(exchange);
        }
    }

    /** {@code GET /cases/{ebpCode}/{orderNo}}: the case as its parties read it, with its timeline. */
    public void detail(Exchange exchange) {
        String ebpCode = exchange.getMessage().getHeader("ebpCode", String.class);
        String orderNo = exchange.getMessage().getHeader("orderNo", String.class);
        Optional<CustomsCase> found = cases.find(ebpCode, orderNo);
        if (found.isEmpty()) {
            Problem.of(404, "not-found", "No such case", "no customs case " + ebpCode + "/" + orderNo).writeTo(exchange);
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>(CustomsCaseApi.view(found.get()));
        answer.put("platform", participants.byCode(PartyCode.EBP, ebpCode).map(p -> p.name()).orElse(null));
        answer.put("timeline", timeline(found.get()));
        HttpReply.answer(exchange, 200, "customs case", answer);
    }

    /** The documents' current revisions, the case's results and customs' answers, oldest first. */
    private List<Map<String, Object>> timeline(CustomsCase found) {
        List<Map<String, Object>> events = new ArrayList<>();
        found.documents().forEach((document, messageId) -> journal.find(messageId).ifPresent(entry ->
                events.add(event(entry.envelope().receivedAt(), document, messageId, entry.envelope().sender(),
                        "revision " + entry.envelope().revision()))));
        for (JournalEntry entry : journal.revisions(MessageType.PRECHECK_RESULT, Documents.identity(found.result()))) {
            PrecheckResult result = (PrecheckResult) entry.envelope().payload();
            events.add(event(entry.envelope().receivedAt(), "precheck-result", entry.envelope().messageId(),
                    entry.envelope().sender(), result.state() + rules(result)));
        }
        if (found.copNo() != null) {
            declarations.find(found.copNo()).ifPresent(declared -> declared.events().forEach(e ->
                    events.add(event(e.receivedAt(), e.messageCode(), e.messageId(), "customs",
                            e.status() + e.state().map(s -> " " + s).orElse("")
                                    + (e.reason() == null ? "" : ": " + e.reason())))));
        }
        events.sort(Comparator.comparing(e -> (OffsetDateTime) e.get("at")));
        return events;
    }

    private static String rules(PrecheckResult result) {
        List<String> rules = result.findings().stream().map(PrecheckFinding::rule).distinct().toList();
        return rules.isEmpty() ? "" : " " + String.join(", ", rules);
    }

    private static Map<String, Object> event(OffsetDateTime at, String what, String messageId, String by, String detail) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("at", at);
        event.put("what", what);
        event.put("messageId", messageId);
        event.put("by", by);
        event.put("detail", detail);
        return event;
    }

    /** {@code GET /compliance?days=}: per platform and day (the latest first), the cases each rule was found on. */
    public void compliance(Exchange exchange) {
        try {
            long days = QueryParameters.number(exchange, "days").orElse(14L);
            if (days < 1 || days > MAX_DAYS) {
                throw new QueryParameters.BadQuery("days is a number from 1 to " + MAX_DAYS);
            }
            LocalDate from = LocalDate.now(clock.withZone(zone)).minusDays(days - 1);
            Map<String, Map<LocalDate, Map<String, Long>>> byPlatform = new TreeMap<>();
            for (CaseIndex.Tally tally : index.compliance(from)) {
                byPlatform.computeIfAbsent(tally.ebpCode(), k -> new TreeMap<>(Comparator.reverseOrder()))
                        .computeIfAbsent(tally.day(), k -> new TreeMap<>()).put(tally.rule(), tally.cases());
            }
            List<Map<String, Object>> platforms = new ArrayList<>();
            byPlatform.forEach((ebpCode, perDay) -> {
                Map<String, Object> platform = new LinkedHashMap<>();
                platform.put("ebpCode", ebpCode);
                platform.put("name", participants.byCode(PartyCode.EBP, ebpCode).map(p -> p.name()).orElse(null));
                List<Map<String, Object>> rows = new ArrayList<>();
                perDay.forEach((day, rules) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("day", day);
                    row.put("rules", rules);
                    rows.add(row);
                });
                platform.put("days", rows);
                platforms.add(platform);
            });
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("from", from);
            answer.put("platforms", platforms);
            HttpReply.answer(exchange, 200, "compliance", answer);
        } catch (QueryParameters.BadQuery e) {
            e.writeTo(exchange);
        }
    }
}
