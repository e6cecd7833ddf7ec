package org.parkhub.declaration;

import java.util.Optional;

/**
 * Where an inventory declaration stands with customs, as customs' answers (CEB622 {@code returnStatus}) say, and
 * whether the declaration still moves on its own or waits on someone.
 */
public enum DeclarationState {
    /** The hub has the declaration; customs has not answered yet. */
    SUBMITTED(false),
    /** 1 saved, 2 declared (申报成功), 3 sent to customs: customs has it. */
    DECLARED(false),
    /** 4 sending failed, or a negative status: a processing error, with its reason. */
    FAILED(true),
    /** 120: in customs' database (海关入库). */
    ACCEPTED(false),
    /** 300: held for manual review (人工审核). */
    REVIEW(false),
    /** 399: examination concluded (海关审结). */
    CONCLUDED(false),
    /** 500: physical inspection (查验). */
    INSPECTION(false),
    /** 501, 502, 503, 599: detained. */
    DETAINED(false),
    /** 700: returned to where it came from (退运). */
    RETURNED(true),
    /** 800: released (放行): the warehouse may ship the parcel. */
    RELEASED(false),
    /** 899: closed (结关). */
    CLOSED(true),
    /** 100: rejected (退单), with customs' reason; a corrected declaration starts again. */
    REJECTED(true),
    /** Customs accepted the declarant's cancellation (CEB623 answered by CEB624 800). */
    CANCELLED(true),
    /** Customs accepted the return of the goods (CEB625 answered by CEB626 800). */
    REFUNDED(true);

    private final boolean ended;

    DeclarationState(boolean ended) {
        this.ended = ended;
    }

    /** Nothing more happens to the declaration unless someone acts (a corrected declaration, a new request). */
    public boolean ended() {
        return ended;
    }

    /**
     * The state a customs answer puts its declaration in: CEB622 by its status; CEB624 and CEB626 only once
     * customs accepted the cancellation or return (800, 899); anything else says nothing of the state.
     */
    public static Optional<DeclarationState> after(String messageCode, int status) {
        return switch (messageCode) {
            case "CEB622" -> inventory(status);
            case "CEB624" -> status == 800 || status == 899 ? Optional.of(CANCELLED) : Optional.empty();
            case "CEB626" -> status == 800 || status == 899 ? Optional.of(REFUNDED) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<DeclarationState> inventory(int status) {
        if (status < 0) {
            return Optional.of(FAILED);
        }
        return Optional.ofNullable(switch (status) {
            case 1, 2, 3 -> DECLARED;
            case 4 -> FAILED;
            case 100 -> REJECTED;
            case 120 -> ACCEPTED;
            case 300 -> REVIEW;
            case 399 -> CONCLUDED;
            case 500 -> INSPECTION;
            case 501, 502, 503, 599 -> DETAINED;
            case 700 -> RETURNED;
            case 800 -> RELEASED;
            case 899 -> CLOSED;
            default -> null;
        });
    }
}
