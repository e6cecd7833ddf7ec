package org.parkhub.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A declaration's state from customs' answers, whatever order they arrive in. */
class DeclarationLifecycleTest {

    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-12-07T09:00:00+08:00");

    static DeclarationEvent answer(String code, int status, int minutes) {
        return new DeclarationEvent("m-" + code + status + minutes, code, "COP1", "PRE1", null, status,
                T0.plusMinutes(minutes), "status " + status, T0.plusHours(5));
    }

    @Test
    void withNoAnswerTheDeclarationIsSubmitted() {
        assertThat(DeclarationLifecycle.state(List.of())).isEqualTo(DeclarationState.SUBMITTED);
    }

    @Test
    void aFullRunEndsClosed() {
        List<DeclarationEvent> events = new ArrayList<>();
        int minute = 0;
        for (int status : new int[] {2, 120, 800, 899}) {
            events.add(answer("CEB622", status, minute += 10));
            DeclarationState expected = switch (status) {
                case 2 -> DeclarationState.DECLARED;
                case 120 -> DeclarationState.ACCEPTED;
                case 800 -> DeclarationState.RELEASED;
                default -> DeclarationState.CLOSED;
            };
            assertThat(DeclarationLifecycle.state(events)).as("after %d", status).isEqualTo(expected);
        }
        assertThat(DeclarationState.CLOSED.ended()).isTrue();
        assertThat(DeclarationState.RELEASED.ended()).isFalse();
    }

    @Test
    void customsTimeDecidesNotArrival() {
        // the 120 arrives last, but customs gave it before the release
        List<DeclarationEvent> events = List.of(answer("CEB622", 2, 1), answer("CEB622", 800, 30),
                answer("CEB622", 120, 10));
        assertThat(DeclarationLifecycle.state(events)).isEqualTo(DeclarationState.RELEASED);
        assertThat(DeclarationLifecycle.deciding(events)).hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(800));
    }

    @Test
    void aRejectionCarriesItsReasonAndACorrectedDeclarationStartsAgain() {
        DeclarationEvent rejected = answer("CEB622", 100, 10);
        assertThat(DeclarationLifecycle.state(List.of(answer("CEB622", 2, 1), rejected))).isEqualTo(DeclarationState.REJECTED);
        assertThat(DeclarationLifecycle.deciding(List.of(rejected)).orElseThrow().reason()).isEqualTo("status 100");
        assertThat(DeclarationLifecycle.state(List.of(rejected, answer("CEB622", 2, 20)))).isEqualTo(DeclarationState.DECLARED);
    }

    @Test
    void everyStatusOfTheSpecificationHasItsState() {
        assertThat(DeclarationState.after("CEB622", 300)).contains(DeclarationState.REVIEW);
        assertThat(DeclarationState.after("CEB622", 399)).contains(DeclarationState.CONCLUDED);
        assertThat(DeclarationState.after("CEB622", 500)).contains(DeclarationState.INSPECTION);
        assertThat(DeclarationState.after("CEB622", 502)).contains(DeclarationState.DETAINED);
        assertThat(DeclarationState.after("CEB622", 700)).contains(DeclarationState.RETURNED);
        assertThat(DeclarationState.after("CEB622", 4)).contains(DeclarationState.FAILED);
        assertThat(DeclarationState.after("CEB622", -621005)).contains(DeclarationState.FAILED);
        assertThat(DeclarationState.after("CEB622", 42)).isEmpty();
    }

    @Test
    void cancellationsAndReturnsCountOnceCustomsAcceptsThem() {
        assertThat(DeclarationLifecycle.state(List.of(answer("CEB622", 800, 1), answer("CEB624", 2, 5))))
                .isEqualTo(DeclarationState.RELEASED);
        assertThat(DeclarationLifecycle.state(List.of(answer("CEB622", 800, 1), answer("CEB624", 800, 5))))
                .isEqualTo(DeclarationState.CANCELLED);
        assertThat(DeclarationLifecycle.state(List.of(answer("CEB622", 899, 1), answer("CEB626", 800, 5))))
                .isEqualTo(DeclarationState.REFUNDED);
    }

    @Test
    void taxBillsAreHistoryNotState() {
        assertThat(DeclarationLifecycle.state(List.of(answer("CEB622", 120, 1), answer("CEB816", 1, 5),
                answer("CEB818", 2, 6)))).isEqualTo(DeclarationState.ACCEPTED);
    }
}
