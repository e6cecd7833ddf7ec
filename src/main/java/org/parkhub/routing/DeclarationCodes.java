package org.parkhub.routing;

import java.util.Map;

/**
 * The party codes ({@code ebpCode}, {@code ebcCode}, {@code agentCode}, {@code areaCode}) of the declaration a customs
 * answer is about, found by the copNo, preNo or invtNo it carries: customs' answers often name only those numbers.
 */
@FunctionalInterface
public interface DeclarationCodes {

    DeclarationCodes NONE = payload -> Map.of();

    /** Empty when the payload names no declaration the hub knows. */
    Map<String, String> of(Record payload);
}
