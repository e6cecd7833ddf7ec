package org.parkhub.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a message does to its document ({@link DocumentIdentity}): creates it (its first revision), modifies it (a
 * later revision) or cancels it. Customs writes the same as a head's {@code appType} (1, 2, 3). An arrival asks only
 * whether it cancels: whether anything else is new or a modification is the journal's to say, from what it holds.
 */
public enum DocumentAction {
    NEW("1"), MODIFY("2"), CANCEL("3");

    private final String appType;

    DocumentAction(String appType) {
        this.appType = appType;
    }

    /** As envelopes, headers and profiles write it: {@code new}, {@code modify}, {@code cancel}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The customs {@code appType} of a declaration head. */
    public String appType() {
        return appType;
    }

    /** What a revision that does not cancel is: its document's first, or a modification. */
    public static DocumentAction ofRevision(int revision) {
        return revision > 1 ? MODIFY : NEW;
    }

    public static Optional<DocumentAction> byCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code().equals(code)).findFirst();
    }

    public static Optional<DocumentAction> byAppType(String appType) {
        return Arrays.stream(values()).filter(a -> a.appType.equals(appType)).findFirst();
    }
}
