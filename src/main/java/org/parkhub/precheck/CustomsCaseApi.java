package org.parkhub.precheck;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.parkhub.http.ApiGate;
import org.parkhub.http.HttpReply;
import org.parkhub.http.Problem;
import org.parkhub.participant.Participant;
import org.parkhub.participant.PartyCode;
import org.parkhub.participant.Role;

/**
 * {@code GET /api/v1/customs/cases/{orderNo}}: a transaction's customs case. A platform reads its own cases; the case's
 * merchant, payment firm, carrier and broker, and administrators, name the platform with {@code ?ebpCode=}. Anyone else
 * gets 404, as for a case that does not exist.
 */
public class CustomsCaseApi {

    private final ApiGate gate;
    private final CustomsCases cases;

    public CustomsCaseApi(ApiGate gate, CustomsCases cases) {
        this.gate = gate;
        this.cases = cases;
    }

    public void get(Exchange exchange) {
        Optional<Participant> caller = gate.caller(exchange);
        if (caller.isEmpty()) {
            return;
        }
        String orderNo = exchange.getMessage().getHeader("orderNo", String.class);
        Optional<String> ebpCode = Optional.ofNullable(exchange.getMessage().getHeader("ebpCode", String.class))
                .filter(code -> !code.isBlank()).or(() -> caller.get().code(PartyCode.EBP));
        if (ebpCode.isEmpty()) {
            Problem.of(400, "bad-query", "Bad query", "name the order's platform: ?ebpCode=").writeTo(exchange);
            return;
        }
        Optional<CustomsCase> found = cases.find(ebpCode.get(), orderNo)
                .filter(c -> caller.get().hasRole(Role.ADMIN) || isParty(caller.get(), c));
        if (found.isEmpty()) {
            Problem.of(404, "not-found", "No such case", "no customs case " + ebpCode.get() + "/" + orderNo
                    + " visible to " + caller.get().id()).writeTo(exchange);
            return;
        }
        HttpReply.answer(exchange, 200, "customsCase", view(found.get()));
    }

    static boolean isParty(Participant p, CustomsCase c) {
        return is(p, PartyCode.EBP, c.ebpCode()) || is(p, PartyCode.EBC, c.ebcCode()) || is(p, PartyCode.PAY, c.payCode())
                || is(p, PartyCode.LOGISTICS, c.logisticsCode()) || is(p, PartyCode.AGENT, c.agentCode());
    }

    private static boolean is(Participant participant, PartyCode code, String value) {
        return value != null && participant.code(code).filter(value::equals).isPresent();
    }

    /** The case as the API answers it. */
    public static Map<String, Object> view(CustomsCase c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("ebpCode", c.ebpCode());
        view.put("orderNo", c.orderNo());
        view.put("state", c.state());
        view.put("missing", c.missing());
        view.put("findings", c.findings());
        view.put("documents", c.documents());
        view.put("copNo", c.copNo());
        view.put("declarationState", c.declarationState());
        Map<String, Object> tax = new LinkedHashMap<>();
        tax.put("taxTotal", c.tax().taxTotal());
        if (c.tax().assessment() != null) {
            tax.put("table", c.tax().assessment().from());
            tax.put("computed", c.tax().assessment().total());
            tax.put("items", c.tax().assessment().items());
        } else {
            tax.put("notAssessed", c.tax().notAssessedBecause());
        }
        view.put("tax", tax);
        if (c.quota().year() != null) {
            Map<String, Object> quota = new LinkedHashMap<>();
            quota.put("year", c.quota().year());
            quota.put("usedByOtherDeclarations", c.quota().used());
            quota.put("transaction", c.quota().transaction());
            quota.put("annualLimit", c.quota().annualLimit());
            quota.put("remaining", c.quota().remaining());
            view.put("quota", quota);
        }
        return view;
    }
}
