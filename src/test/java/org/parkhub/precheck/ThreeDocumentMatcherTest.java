package org.parkhub.precheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkhub.fixtures.RecordEdit.with;

import java.util.List;

import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.Test;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.Transaction;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.Order;
import org.parkhub.model.Payment;
import org.parkhub.model.PrecheckFinding;
import org.parkhub.model.Waybill;

/** Each three-document rule on a transaction that agrees but for the one thing the rule is about. */
class ThreeDocumentMatcherTest {

    static final ThreeDocumentMatcher MATCHER = new ThreeDocumentMatcher(new java.math.BigDecimal("5000"));

    final ParkFixtures fixtures = new ParkFixtures(961);
    final Transaction t = fixtures.transaction();
    final Order order = t.order();
    final Payment payment = t.payment();
    final Waybill waybill = t.waybill();
    final InventoryDeclaration declaration = fixtures.declaration(t);

    static ListAssert<String> rules(CaseDocuments documents) {
        return assertThat(MATCHER.match(documents).stream().map(Finding::rule).toList());
    }

    @Test
    void aTransactionThatAgreesHasNoFindings() {
        rules(new CaseDocuments(order, payment, waybill, declaration)).isEmpty();
        rules(new CaseDocuments(order, null, null, null)).isEmpty();
    }

    @Test
    void rule1TheDocumentsNameOneTransaction() {
        rules(new CaseDocuments(order, with(payment, "ebpCode", "3301960XYZ"), waybill, declaration)).containsExactly("3DOC-1");
        rules(new CaseDocuments(order, payment, waybill, with(declaration, "orderNo", "OTHER-1"))).containsExactly("3DOC-1");
    }

    @Test
    void rule2ThePaymentIsTheAmountPaid() {
        List<Finding> findings = MATCHER.match(new CaseDocuments(order, with(payment, "amountPaid", "1.00"), waybill,
                declaration));
        assertThat(findings).extracting(Finding::rule).containsExactly("3DOC-2");
        assertThat(findings.get(0).fields()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("order.actualPaid");
            assertThat(f.value()).isEqualTo(order.actualPaid().setScale(2).toPlainString());
            assertThat(f.otherValue()).isEqualTo("1.00");
        });
        // a cent is a difference; a trailing zero is not
        rules(new CaseDocuments(order, with(payment, "amountPaid", order.actualPaid().add(new java.math.BigDecimal("0.01"))),
                waybill, declaration)).containsExactly("3DOC-2");
        rules(new CaseDocuments(order, with(payment, "amountPaid", order.actualPaid().setScale(5)), waybill, declaration))
                .isEmpty();
    }

    @Test
    void rule3ThePaidAmountAddsUp() {
        Order off = with(order, "discount", order.discount().add(java.math.BigDecimal.ONE));
        rules(new CaseDocuments(off, null, null, null)).containsExactly("3DOC-3");
    }

    @Test
    void rule4LinesThatDoNotAddUpAreAWarning() {
        List<Finding> findings = MATCHER.match(new CaseDocuments(with(order, "lines[0].totalPrice", "0.01"), null, null,
                null));
        assertThat(findings).extracting(Finding::rule, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("3DOC-4", PrecheckFinding.Severity.WARNING));
    }

    @Test
    void rule5TheWaybillGoesToTheOrdersConsigneeFoldedAndTrimmed() {
        rules(new CaseDocuments(order, payment, with(waybill, "consignee.phone", "13900000000"), declaration))
                .containsExactly("3DOC-5");
        // full-width digits and stray spaces are the same text
        String fullWidth = " " + order.consignee().phone().chars().mapToObj(c -> String.valueOf((char) (c - '0' + '０')))
                .reduce("", String::concat) + "  ";
        rules(new CaseDocuments(order, payment, with(waybill, "consignee.phone", fullWidth), declaration)).isEmpty();
    }

    @Test
    void rule6TheBuyerPays() {
        rules(new CaseDocuments(order, with(payment, "payer.name", "另一个人"), waybill, declaration)).containsExactly("3DOC-6");
        String id = order.buyer().idNumber();
        rules(new CaseDocuments(order, with(payment, "payer.idNumber", id.toLowerCase()), waybill, declaration)).isEmpty();
    }

    @Test
    void rule7TheDeclarationNamesTheWaybill() {
        rules(new CaseDocuments(order, payment, waybill, with(declaration, "logisticsNo", "OTHER-WAYBILL")))
                .containsExactly("3DOC-7");
    }

    @Test
    void rule8TheDeclaredLinesAreTheOrdersLines() {
        rules(new CaseDocuments(order, payment, waybill, with(declaration, "lines[0].gname", "另一种商品")))
                .containsExactly("3DOC-8");
        rules(new CaseDocuments(order, payment, waybill, with(declaration, "lines[0].gnum", 42))).containsExactly("3DOC-8");
    }

    @Test
    void rule9TheDeclarationIsWithinTheSingleLimit() {
        InventoryDeclaration big = with(declaration, "freight", "5000.01");
        rules(new CaseDocuments(null, null, null, big)).containsExactly("3DOC-9");
    }

    @Test
    void rule10NumbersServeOneOrder() {
        Payment elsewhere = with(payment, "orderNo", "ORD-ELSEWHERE");
        Waybill reused = with(waybill, "orderNo", "ORD-ELSEWHERE");
        rules(new CaseDocuments(order, payment, waybill, declaration, List.of(elsewhere), List.of(reused)))
                .containsExactly("3DOC-10");
    }
}
