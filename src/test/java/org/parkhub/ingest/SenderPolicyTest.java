package org.parkhub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.fixtures.Transaction;
import org.parkhub.model.MessageType;
import org.parkhub.participant.Delivery;
import org.parkhub.participant.Participant;
import org.parkhub.participant.PartyCode;
import org.parkhub.participant.Role;
import org.parkhub.validate.FieldError;

class SenderPolicyTest {

    private final Participant platform = participant("PLAT-01", Role.PLATFORM, PartyCode.EBP, "3301960ABC");
    private final Participant merchant = participant("MERCH-01", Role.MERCHANT, PartyCode.EBC, "3301960XYZ");
    private final Participant payer = participant("PAY-01", Role.PAYMENT, PartyCode.PAY, "3101960PAY");
    private final Participant admin = participant("ADMIN", Role.ADMIN, PartyCode.EBP, "9999999999");
    private final Transaction t = new ParkFixtures(81).transaction();

    @Test
    void rolesDecideTheTypesAFirmMaySend() {
        assertThat(SenderPolicy.maySend(platform, MessageType.ORDER)).isTrue();
        assertThat(SenderPolicy.maySend(merchant, MessageType.ORDER)).isTrue();
        assertThat(SenderPolicy.maySend(platform, MessageType.PAYMENT)).isFalse();
        assertThat(SenderPolicy.maySend(payer, MessageType.PAYMENT)).isTrue();
        assertThat(SenderPolicy.maySend(merchant, MessageType.STOCK_MOVEMENT)).isFalse();
        assertThat(SenderPolicy.maySend(admin, MessageType.WAYBILL)).isTrue();
    }

    @Test
    void ownCodesPass() {
        assertThat(SenderPolicy.foreignCodes(platform, MessageType.ORDER, t.order())).isEmpty();
        assertThat(SenderPolicy.foreignCodes(merchant, MessageType.ORDER, t.order())).isEmpty();
        assertThat(SenderPolicy.foreignCodes(payer, MessageType.PAYMENT, t.payment())).isEmpty();
    }

    @Test
    void anotherFirmsCodeIsNamed() {
        var foreign = RecordEdit.with(t.order(), "ebcCode", "3301960OTH");
        assertThat(SenderPolicy.foreignCodes(merchant, MessageType.ORDER, foreign))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ebcCode", "NOT_YOUR_CODE"));
        // the platform's own ebpCode is still on it, so the platform may send it
        assertThat(SenderPolicy.foreignCodes(platform, MessageType.ORDER, foreign)).isEmpty();
        assertThat(SenderPolicy.foreignCodes(payer, MessageType.PAYMENT, RecordEdit.with(t.payment(), "payCode", "3101960OTH")))
                .extracting(FieldError::field).containsExactly("payCode");
    }

    @Test
    void aMissingCodeIsLeftToValidationAsARequiredField() {
        var missing = RecordEdit.with(t.order(), "ebcCode", null);
        assertThat(SenderPolicy.foreignCodes(merchant, MessageType.ORDER, missing)).isEmpty();
        assertThat(new org.parkhub.validate.MessageValidator(java.time.Clock.systemUTC()).validate(missing).errors())
                .extracting(FieldError::field, FieldError::code)
                .contains(org.assertj.core.groups.Tuple.tuple("ebcCode", "REQUIRED"));
    }

    @Test
    void administratorsActForAnyFirm() {
        assertThat(SenderPolicy.foreignCodes(admin, MessageType.ORDER, t.order())).isEmpty();
    }

    private static Participant participant(String id, Role role, PartyCode code, String value) {
        return new Participant(id, id, Set.of(role), Map.of(code, value), Map.of(), Delivery.defaultQueue());
    }
}
