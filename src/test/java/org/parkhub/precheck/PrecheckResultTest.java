package org.parkhub.precheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parkhub.declaration.DeclarationState;
import org.parkhub.model.CaseState;
import org.parkhub.model.PrecheckFinding;
import org.parkhub.model.PrecheckResult;
import org.parkhub.validate.Findings;
import org.parkhub.validate.SchemaCheck;

/** A case as the precheck-result message carries it: one finding entry per pair of fields, within its schema. */
class PrecheckResultTest {

    @Test
    void eachPairOfFieldsIsAnEntryAndTheResultKeepsItsSchema() {
        Finding identity = new Finding("3DOC-3", PrecheckFinding.Severity.ERROR, "the buyer is not the payer",
                List.of(new Finding.Disagreement("order.buyer.name", "张三", "payment.payer.name", "李四"),
                        new Finding.Disagreement("order.buyer.idNumber", "X1", "payment.payer.idNumber", "X2")));
        Finding missingFiling = new Finding("3DOC-4", PrecheckFinding.Severity.WARNING, "no waybill yet", List.of());
        Finding longValue = new Finding("3DOC-6", PrecheckFinding.Severity.ERROR, "another consignee",
                List.of(new Finding.Disagreement("order.consignee.address", "路".repeat(1500), "waybill.consignee.address",
                        "short")));
        CustomsCase found = new CustomsCase("3301960ABC", "ORD-1", CaseState.MISMATCH, List.of("waybill"),
                List.of(identity, missingFiling, longValue), Map.of("order", "m1"), "COP1", DeclarationState.SUBMITTED,
                "3301960XYZ", null, null, "3702980AGT",
                TaxCheck.notAssessed(null, "no order"), Quota.none());

        PrecheckResult result = found.result();

        assertThat(result.findings()).extracting(PrecheckFinding::rule, PrecheckFinding::field, PrecheckFinding::otherValue)
                .containsExactly(tuple("3DOC-3", "order.buyer.name", "李四"),
                        tuple("3DOC-3", "order.buyer.idNumber", "X2"),
                        tuple("3DOC-4", null, null),
                        tuple("3DOC-6", "order.consignee.address", "short"));
        assertThat(result.findings().get(3).value()).hasSize(1000).endsWith("…");
        assertThat(result.missing()).isEqualTo("waybill");
        assertThat(result.declarationState()).isEqualTo("SUBMITTED");
        Findings findings = new Findings();
        new SchemaCheck().check(result, findings);
        assertThat(findings.errors()).isEmpty();

        BigDecimal tooMuch = new BigDecimal("1E+20");
        PrecheckResult broken = new PrecheckResult("3301960ABC", "ORD-1", CaseState.PENDING, "order parcel", null, null,
                null, null, null, null, tooMuch, null, null, null, null, null, null, List.of());
        new SchemaCheck().check(broken, findings);
        assertThat(findings.errors()).extracting(e -> e.field()).contains("missing", "taxTotal");
    }
}
