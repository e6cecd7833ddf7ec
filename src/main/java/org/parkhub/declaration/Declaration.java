package org.parkhub.declaration;

import java.time.OffsetDateTime;

/**
 * An inventory declaration as the hub knows it: by its copNo, with the numbers customs gave it, its parties' codes,
 * the message of its latest revision (null while only customs' answers are known), and its state with the status,
 * customs time and reason of the answer that set it.
 */
public record Declaration(String copNo, String preNo, String invtNo, String orderNo, String logisticsNo,
                          String ebpCode, String ebcCode, String agentCode, String areaCode, String tradeMode,
                          String messageId, DeclarationState state, Integer status, OffsetDateTime statusAt,
                          String reason, OffsetDateTime updatedAt) {
}
