package org.parkhub.validate;

import static org.parkhub.fixtures.RecordEdit.with;
import static org.parkhub.validate.ValidatorSupport.assertErrors;

import org.junit.jupiter.api.Test;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.Transaction;

class WaybillAndShipmentRulesTest {

    private final Transaction t = new ParkFixtures(41).transaction();

    @Test
    void validWaybillAndEventsPass() {
        assertErrors(t.waybill()).isEmpty();
        t.events().forEach(e -> assertErrors(e).isEmpty());
    }

    @Test
    void aWaybillNumberIsNotTheOrderNumber() {
        assertErrors(with(t.waybill(), "logisticsNo", t.waybill().orderNo())).containsExactly("logisticsNo:LOGISTICS_NO_IS_ORDER_NO");
    }

    @Test
    void waybillsAreInRenminbi() {
        assertErrors(with(t.waybill(), "currency", "EUR")).containsExactly("currency:CURRENCY_NOT_CNY");
    }

    @Test
    void aWaybillWeighsSomething() {
        assertErrors(with(t.waybill(), "weight", "0")).containsExactly("weight:RANGE");
    }

    @Test
    void trackingEventsCannotLieInTheFuture() {
        assertErrors(with(t.events().get(0), "occurredAt", "2027-01-01T00:00:00+08:00")).containsExactly("occurredAt:TIME_IN_FUTURE");
    }

    @Test
    void unknownTrackingStatusDoesNotBind() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> with(t.events().get(0), "status", "LOST_IN_SPACE"))
                .hasMessageContaining("LOST_IN_SPACE");
    }
}
