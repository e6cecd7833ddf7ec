package org.parkhub.admin;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.parkhub.http.Problem;

/** An admin request's query parameters, read and checked; a bad one is a {@link BadQuery} that answers 400. */
final class QueryParameters {

    /** A query parameter that cannot be used, with what is wrong with it. */
    static final class BadQuery extends Exception {
        BadQuery(String detail) {
            super(detail);
        }

        void writeTo(Exchange exchange) {
            Problem.of(400, "bad-query", "Bad query", getMessage()).writeTo(exchange);
        }
    }

    private QueryParameters() {
    }

    static Optional<String> text(Exchange exchange, String name) {
        String value = exchange.getMessage().getHeader(name, String.class);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** One of an enum's names, such as a state. */
    static <E extends Enum<E>> Optional<E> choice(Exchange exchange, String name, Class<E> type) throws BadQuery {
        Optional<String> value = text(exchange, name);
        try {
            return value.map(v -> Enum.valueOf(type, v));
        } catch (IllegalArgumentException e) {
            throw new BadQuery(name + " must be one of " + List.of(type.getEnumConstants()) + ", not " + value.get());
        }
    }

    static int limit(Exchange exchange, int fallback, int max) throws BadQuery {
        Optional<Long> limit = number(exchange, "limit");
        if (limit.isPresent() && (limit.get() < 1 || limit.get() > max)) {
            throw new BadQuery("limit is a number from 1 to " + max);
        }
        return limit.map(Long::intValue).orElse(fallback);
    }

    static Optional<Long> number(Exchange exchange, String name) throws BadQuery {
        Optional<String> value = text(exchange, name);
        try {
            return value.map(Long::parseLong);
        } catch (NumberFormatException e) {
            throw new BadQuery(name + " is a whole number, not " + value.get());
        }
    }

    /** An ISO-8601 date-time with offset, such as 2026-11-27T08:00:00+08:00. */
    static Optional<OffsetDateTime> time(Exchange exchange, String name) throws BadQuery {
        Optional<String> value = text(exchange, name);
        try {
            return value.map(OffsetDateTime::parse);
        } catch (DateTimeParseException e) {
            throw new BadQuery(name + " is a date-time with offset such as 2026-11-27T08:00:00+08:00, not " + value.get());
        }
    }
}
