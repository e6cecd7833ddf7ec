package org.parkhub.validate;

import java.time.Clock;

import org.parkhub.model.Payment;

/** CEB411 payment voucher rules. */
public final class PaymentRules implements BusinessRules<Payment> {

    private final Clock clock;

    public PaymentRules(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Class<Payment> type() {
        return Payment.class;
    }

    @Override
    public void check(Payment payment, Findings findings) {
        SharedRules.renminbi(payment.currency(), "currency", findings);
        SharedRules.notInFuture(payment.payTime(), "payTime", clock, findings);
        SharedRules.identity(payment.payer(), "payer", findings);
    }
}
