package org.parkhub.precheck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parkhub.declaration.DeclarationState;
import org.parkhub.model.CaseState;
import org.parkhub.model.PrecheckFinding;
import org.parkhub.model.PrecheckResult;

/**
 * A transaction's customs case: its state, the documents customs matches that are missing, the pre-check's findings,
 * the messages holding each document's current revision, its declaration's customs state, and the codes of its
 * parties (who may read it).
 */
public record CustomsCase(String ebpCode, String orderNo, CaseState state, List<String> missing,
                          List<Finding> findings, Map<String, String> documents, String copNo,
                          DeclarationState declarationState, String ebcCode, String payCode, String logisticsCode,
                          String agentCode, TaxCheck tax, Quota quota) {

    /** As many findings as a result carries (one per pair of fields): beyond them the case itself says the rest. */
    static final int MAX_RESULT_FINDINGS = 200;

    public CustomsCase {
        missing = List.copyOf(missing);
        findings = List.copyOf(findings);
        documents = Collections.unmodifiableMap(new LinkedHashMap<>(documents));
    }

    /** The case as the precheck-result message the platform and the broker receive. */
    public PrecheckResult result() {
        List<PrecheckFinding> entries = new ArrayList<>();
        for (Finding finding : findings) {
            String message = clip(finding.message(), 500);
            if (finding.fields().isEmpty()) {
                entries.add(new PrecheckFinding(finding.rule(), finding.severity(), message, null, null, null, null));
            }
            for (Finding.Disagreement pair : finding.fields()) {
                entries.add(new PrecheckFinding(finding.rule(), finding.severity(), message, clip(pair.field(), 100),
                        clip(pair.value(), 1000), clip(pair.otherField(), 100), clip(pair.otherValue(), 1000)));
            }
        }
        return new PrecheckResult(ebpCode, orderNo, state, missing.isEmpty() ? null : String.join(" ", missing),
                ebcCode, payCode, logisticsCode, agentCode, copNo,
                declarationState == null ? null : declarationState.name(),
                tax.taxTotal(), tax.assessment() == null ? null : tax.assessment().total(),
                clip(tax.notAssessedBecause(), 500), quota.year(), quota.used(), quota.transaction(), quota.remaining(),
                entries.subList(0, Math.min(entries.size(), MAX_RESULT_FINDINGS)));
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
