package org.parkhub.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** List fields of the records: absent and empty mean the same (XML cannot tell them apart). */
final class Lists {

    private Lists() {
    }

    /** An unmodifiable copy; nulls inside are kept so that validation can name them. */
    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
