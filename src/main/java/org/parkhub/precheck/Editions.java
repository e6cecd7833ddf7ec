package org.parkhub.precheck;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/** Tables that apply from a day on, as the park's policy files hold them: the one of a day is the latest started. */
final class Editions {

    private Editions() {
    }

    /** Of editions sorted by their start, the latest that started by {@code day} (the first, for days before it). */
    static <T> T on(List<T> sorted, Function<T, LocalDate> from, LocalDate day) {
        T applies = sorted.get(0);
        for (T edition : sorted) {
            if (!from.apply(edition).isAfter(day)) {
                applies = edition;
            }
        }
        return applies;
    }
}
