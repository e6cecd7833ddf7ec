package org.parkhub.validate;

import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.InventoryLine;

/** CEB621 rules: what each trade mode requires, numbered lines that add up, weights, the buyer. */
public final class InventoryDeclarationRules implements BusinessRules<InventoryDeclaration> {

    @Override
    public Class<InventoryDeclaration> type() {
        return InventoryDeclaration.class;
    }

    @Override
    public void check(InventoryDeclaration declaration, Findings findings) {
        SharedRules.renminbi(declaration.currency(), "currency", findings);
        if (declaration.tradeMode().bonded()) {
            requireForMode(declaration.emsNo(), "emsNo", findings);
            requireForMode(declaration.areaCode(), "areaCode", findings);
            for (int i = 0; i < declaration.lines().size(); i++) {
                requireForMode(declaration.lines().get(i).itemRecordNo(), "lines[" + i + "].itemRecordNo", findings);
            }
        } else {
            // a direct-purchase parcel travels on a named voyage under a bill of lading
            requireForMode(declaration.trafNo(), "trafNo", findings);
            requireForMode(declaration.voyageNo(), "voyageNo", findings);
            requireForMode(declaration.billNo(), "billNo", findings);
        }
        if (declaration.netWeight().compareTo(declaration.grossWeight()) > 0) {
            findings.error("netWeight", "WEIGHT_ORDER", "net weight exceeds gross weight");
        }
        SharedRules.lineNumbers(declaration.lines(), InventoryLine::gnum, findings);
        for (int i = 0; i < declaration.lines().size(); i++) {
            InventoryLine line = declaration.lines().get(i);
            SharedRules.lineTotal(line.price(), line.qty(), line.totalPrice(), "lines[" + i + "]", findings);
            SharedRules.renminbi(line.currency(), "lines[" + i + "].currency", findings);
            SharedRules.barcode(line.barcode(), "lines[" + i + "].barcode", findings);
        }
        SharedRules.identity(declaration.buyer(), "buyer", findings);
    }

    private static void requireForMode(String value, String field, Findings findings) {
        if (value == null || value.isBlank()) {
            findings.error(field, "TRADE_MODE_FIELD", "is required for this trade mode");
        }
    }
}
