package org.parkhub.precheck;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parkhub.declaration.DeclarationState;

/**
 * A transaction's customs case: its state, the documents customs matches that are missing, the pre-check's findings,
 * the messages holding each document's current revision, its declaration's customs state, and the codes of its
 * parties (who may read it).
 */
public record CustomsCase(String ebpCode, String orderNo, CaseState state, List<String> missing,
                          List<Finding> findings, Map<String, String> documents, String copNo,
                          DeclarationState declarationState, String ebcCode, String payCode, String logisticsCode,
                          String agentCode, TaxCheck tax, Quota quota) {

    public CustomsCase {
        missing = List.copyOf(missing);
        findings = List.copyOf(findings);
        documents = Collections.unmodifiableMap(new LinkedHashMap<>(documents));
    }
}
