package org.parkhub.validate;

import static org.parkhub.fixtures.RecordEdit.with;
import static org.parkhub.validate.ValidatorSupport.assertErrors;

import org.junit.jupiter.api.Test;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.model.Payment;

class PaymentRulesTest {

    private final Payment valid = new ParkFixtures(31).transaction().payment();

    @Test
    void aValidPaymentPasses() {
        assertErrors(valid).isEmpty();
    }

    @Test
    void payTimeCannotLieInTheFuture() {
        assertErrors(with(valid, "payTime", "2026-11-26T12:30:00+08:00")).containsExactly("payTime:TIME_IN_FUTURE");
    }

    @Test
    void aFewMinutesOfClockSkewAreTolerated() {
        assertErrors(with(valid, "payTime", "2026-11-26T12:03:00+08:00")).isEmpty();
    }

    @Test
    void payerIdCardIsChecked() {
        assertErrors(with(valid, "payer.idNumber", "110101199001011230")).containsExactly("payer.idNumber:ID_CHECKSUM");
    }

    @Test
    void paymentsAreInRenminbi() {
        assertErrors(with(valid, "currency", "HKD")).containsExactly("currency:CURRENCY_NOT_CNY");
    }

    @Test
    void nothingPaidIsNotAPayment() {
        assertErrors(with(valid, "amountPaid", "0")).containsExactly("amountPaid:RANGE");
    }
}
