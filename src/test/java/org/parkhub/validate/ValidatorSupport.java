package org.parkhub.validate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/** Runs the full validator with a fixed clock and asserts on the (field, code) pairs it reports. */
final class ValidatorSupport {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final MessageValidator VALIDATOR = new MessageValidator(CLOCK);

    private ValidatorSupport() {
    }

    static ListAssert<String> assertErrors(Record payload) {
        return Assertions.assertThat(pairs(VALIDATOR.validate(payload).errors()));
    }

    static ListAssert<String> assertWarnings(Record payload) {
        return Assertions.assertThat(pairs(VALIDATOR.validate(payload).warnings()));
    }

    private static List<String> pairs(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ":" + e.code()).toList();
    }
}
