package org.parkhub.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.fixtures.Transaction;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.simulator.DeclarationReview.Evidence;
import org.parkhub.simulator.DeclarationReview.Verdict;

/** The simulated customs' judgement of a declaration: each check with customs' own code and reason. */
class DeclarationReviewTest {

    static final BigDecimal SINGLE = new BigDecimal("5000");
    static final BigDecimal ANNUAL = new BigDecimal("26000");

    final ParkFixtures fixtures = new ParkFixtures(987);
    final Transaction t = fixtures.transaction();
    final InventoryDeclaration declaration = fixtures.declaration(t);

    private Evidence evidence() {
        return new Evidence(declaration, false, true, Optional.of(t.order()), Optional.of(t.payment()),
                Optional.of(t.waybill()), BigDecimal.ZERO, SINGLE, ANNUAL);
    }

    private static Verdict review(Evidence e) {
        return DeclarationReview.review(e);
    }

    @Test
    void aDeclarationWhoseThreeDocumentsAgreeGoesOn() {
        assertThat(review(evidence())).isEqualTo(new Verdict(2, "申报成功"));
    }

    @Test
    void anUnsignedOrBadlySignedDeclarationIsRefused() {
        Evidence e = evidence();
        assertThat(review(new Evidence(e.declaration(), false, false, e.order(), e.payment(), e.waybill(),
                e.usedThisYear(), SINGLE, ANNUAL)).status()).isEqualTo(DeclarationReview.SIGNATURE_FAILED);
    }

    @Test
    void aCopNoDeclaredBeforeIsADuplicate() {
        Evidence e = evidence();
        assertThat(review(new Evidence(e.declaration(), true, true, e.order(), e.payment(), e.waybill(),
                e.usedThisYear(), SINGLE, ANNUAL)).status()).isEqualTo(DeclarationReview.DUPLICATE);
    }

    @Test
    void missingDocumentsAreNamed() {
        Evidence e = evidence();
        Verdict verdict = review(new Evidence(e.declaration(), false, true, Optional.empty(), Optional.empty(),
                Optional.empty(), BigDecimal.ZERO, SINGLE, ANNUAL));
        assertThat(verdict.status()).isEqualTo(DeclarationReview.REJECTED);
        assertThat(verdict.reason()).isEqualTo("三单比对失败：未收到电子订单；未收到支付单；未收到运单");
    }

    @Test
    void aPaymentOfAnotherAmountOrPayerIsAMismatch() {
        Evidence e = evidence();
        Verdict amount = review(new Evidence(e.declaration(), false, true, e.order(),
                Optional.of(RecordEdit.with(t.payment(), "amountPaid", "1.00")), e.waybill(), BigDecimal.ZERO, SINGLE,
                ANNUAL));
        assertThat(amount.reason()).contains("与支付金额1.00不一致");
        Verdict payer = review(new Evidence(e.declaration(), false, true, e.order(),
                Optional.of(RecordEdit.with(t.payment(), "payer.idNumber", "110101199001011237")), e.waybill(),
                BigDecimal.ZERO, SINGLE, ANNUAL));
        assertThat(payer.reason()).contains("订购人与支付人不一致");
    }

    @Test
    void aWaybillOfAnotherOrderOrConsigneeIsAMismatch() {
        Evidence e = evidence();
        Verdict other = review(new Evidence(e.declaration(), false, true, e.order(), e.payment(),
                Optional.of(RecordEdit.with(t.waybill(), "orderNo", "ORD-ELSEWHERE")), BigDecimal.ZERO, SINGLE, ANNUAL));
        assertThat(other.reason()).contains("不属于订单");
        Verdict consignee = review(new Evidence(e.declaration(), false, true, e.order(), e.payment(),
                Optional.of(RecordEdit.with(t.waybill(), "consignee.address", "2 Other Road")), BigDecimal.ZERO, SINGLE,
                ANNUAL));
        assertThat(consignee.reason()).contains("订单收货人与运单收货人不一致");
    }

    @Test
    void theLimitsAreCustomsNegativeCodes() {
        Evidence e = evidence();
        BigDecimal value = DeclarationReview.dutiable(declaration);
        assertThat(review(new Evidence(e.declaration(), false, true, e.order(), e.payment(), e.waybill(),
                ANNUAL.subtract(value), SINGLE, ANNUAL)).passed()).isTrue();
        assertThat(review(new Evidence(e.declaration(), false, true, e.order(), e.payment(), e.waybill(),
                ANNUAL.subtract(value).add(new BigDecimal("0.01")), SINGLE, ANNUAL)).status())
                .isEqualTo(DeclarationReview.OVER_ANNUAL_LIMIT);
        assertThat(review(new Evidence(e.declaration(), false, true, e.order(), e.payment(), e.waybill(),
                BigDecimal.ZERO, value.subtract(new BigDecimal("0.01")), ANNUAL)).status())
                .isEqualTo(DeclarationReview.OVER_SINGLE_LIMIT);
    }
}
