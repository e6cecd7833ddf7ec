package org.parkhub.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.Exchange;
import org.parkhub.declaration.Declaration;
import org.parkhub.declaration.DeclarationApi;
import org.parkhub.declaration.DeclarationState;
import org.parkhub.declaration.Declarations;
import org.parkhub.http.HttpReply;
import org.parkhub.http.Problem;

/**
 * {@code /api/v1/admin/declarations}: the console's Declarations page. How many declarations are in each state; those
 * that need someone first (overstayed a state, rejected, failed); the latest; one declaration's timeline as its parties
 * read it ({@link DeclarationApi}).
 */
public class DeclarationAdmin {

    private static final int MAX_PAGE = 200;
    private static final int ATTENTION = 50;

    private final Declarations declarations;
    private final DeclarationApi view;
    private final Map<DeclarationState, Duration> stuckAfter;
    private final Clock clock;

    public DeclarationAdmin(Declarations declarations, DeclarationApi view, Map<DeclarationState, Duration> stuckAfter,
            Clock clock) {
        this.declarations = declarations;
        this.view = view;
        this.stuckAfter = stuckAfter;
        this.clock = clock;
    }

    /** {@code GET ?state=&limit=}. */
    public void list(Exchange exchange) {
        try {
            Optional<DeclarationState> state = QueryParameters.choice(exchange, "state", DeclarationState.class);
            int limit = QueryParameters.limit(exchange, 50, MAX_PAGE);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("counts", declarations.counts());
            answer.put("attention", attention());
            answer.put("items", declarations.latest(state, limit).stream().map(d -> row(d, false)).toList());
            HttpReply.answer(exchange, 200, "declarations", answer);
        } catch (QueryParameters.BadQuery e) {
            e.writeTo(exchange);
        }
    }

    /** Overstayed first (the longest waiting first), then the latest rejected and failed. */
    private List<Map<String, Object>> attention() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<String> seen = new LinkedHashSet<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        stuckAfter.forEach((state, limit) -> declarations.inStateSince(state, now.minus(limit), ATTENTION).stream()
                .filter(d -> seen.add(d.copNo())).forEach(d -> rows.add(row(d, true))));
        for (DeclarationState ended : List.of(DeclarationState.REJECTED, DeclarationState.FAILED)) {
            declarations.latest(Optional.of(ended), ATTENTION).stream().filter(d -> seen.add(d.copNo()))
                    .forEach(d -> rows.add(row(d, false)));
        }
        return rows;
    }

    private static Map<String, Object> row(Declaration d, boolean stuck) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("copNo", d.copNo());
        row.put("invtNo", d.invtNo());
        row.put("orderNo", d.orderNo());
        row.put("agentCode", d.agentCode());
        row.put("state", d.state());
        row.put("status", d.status());
        row.put("statusAt", d.statusAt());
        row.put("reason", d.reason());
        row.put("updatedAt", d.updatedAt());
        row.put("stuck", stuck);
        return row;
    }

    /** {@code GET /{copNo}}. */
    public void detail(Exchange exchange) {
        String copNo = exchange.getMessage().getHeader("copNo", String.class);
        Optional<Declarations.Declared> found = declarations.find(copNo);
        if (found.isEmpty()) {
            Problem.of(404, "not-found", "No such declaration", "no declaration " + copNo).writeTo(exchange);
            return;
        }
        HttpReply.answer(exchange, 200, "declaration", view.view(found.get()));
    }
}
