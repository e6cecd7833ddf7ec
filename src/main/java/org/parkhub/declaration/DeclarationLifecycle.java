package org.parkhub.declaration;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A declaration's state from all the answers customs gave about it, in whatever order they arrived: the answer
 * customs gave last (by its own time) decides, as a late-arriving 120 must not undo an 800 customs gave after it.
 * Answers that say nothing of the state (tax bills, a refused cancellation) are history only.
 */
public final class DeclarationLifecycle {

    private DeclarationLifecycle() {
    }

    /** The answer that decides the state, if any answer does. */
    public static Optional<DeclarationEvent> deciding(List<DeclarationEvent> events) {
        // same customs time: the one later in the lifecycle (an 800 and an 899 stamped alike: closed)
        return events.stream().filter(e -> e.state().isPresent())
                .max(Comparator.comparing(DeclarationEvent::statusAt)
                        .thenComparing(e -> e.state().orElseThrow().ordinal()));
    }

    public static DeclarationState state(List<DeclarationEvent> events) {
        return deciding(events).flatMap(DeclarationEvent::state).orElse(DeclarationState.SUBMITTED);
    }
}
