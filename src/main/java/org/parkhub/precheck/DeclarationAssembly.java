package org.parkhub.precheck;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.codec.digest.DigestUtils;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.InventoryLine;
import org.parkhub.model.Order;
import org.parkhub.model.OrderLine;
import org.parkhub.model.ProductFiling;
import org.parkhub.model.WarehouseInList;
import org.parkhub.model.Waybill;

/**
 * The inventory declaration (CEB621) of a matched case, assembled for its broker from what the hub holds: the order
 * (buyer, goods, amounts), the waybill (carrier, parcel, weight, insurance), the product filings (HS code, account-book
 * item, legal unit), for 9610 the warehouse-in list that brought the parcel (transport), and the declarant's settings
 * for what no document says. Its copNo is made from the platform and order number, so the case always gets the same
 * one: an assembly after a correction is the same document's next revision.
 */
public final class DeclarationAssembly {

    /** What a case holds to assemble from; {@code arrival} the CEB711 naming the parcel, for direct purchase. */
    public record Parts(Order order, Waybill waybill, Map<String, ProductFiling> filings,
                        Optional<WarehouseInList> arrival) {
    }

    /** The declaration, or why it cannot be assembled yet. */
    public record Assembled(InventoryDeclaration declaration, String notYet) {

        static Assembled notYet(String why) {
            return new Assembled(null, why);
        }
    }

    private static final String KILOGRAM = "035";
    private static final String CHINA = "CHN";

    private DeclarationAssembly() {
    }

    /** The copNo of a platform's order: "PH" and 18 hex digits of its hash (a copNo has at most 20 characters). */
    public static String copNo(String ebpCode, String orderNo) {
        return "PH" + HexFormat.of().formatHex(DigestUtils.sha256((ebpCode + ":" + orderNo)
                .getBytes(StandardCharsets.UTF_8))).substring(0, 18).toUpperCase(java.util.Locale.ROOT);
    }

    public static Assembled assemble(Parts parts, Declarants.Declarant declarant, String agentCode, String agentName,
            LocalDate today, boolean draft) {
        Order order = parts.order();
        Waybill waybill = parts.waybill();
        List<InventoryLine> lines = new ArrayList<>();
        BigDecimal kilograms = BigDecimal.ZERO;
        for (OrderLine line : order.lines()) {
            ProductFiling filing = parts.filings().get(line.sku());
            if (filing == null) {
                return Assembled.notYet("no product filing of " + order.ebcCode() + " for SKU " + line.sku());
            }
            if (declarant.tradeMode().bonded() && filing.itemRecordNo() == null) {
                return Assembled.notYet("the filing of SKU " + line.sku() + " has no account-book item (itemRecordNo)");
            }
            boolean legal = filing.legalUnit() != null && filing.legalQty() != null;
            BigDecimal qty1 = legal ? line.qty().multiply(filing.legalQty()) : line.qty();
            String unit1 = legal ? filing.legalUnit() : line.unit();
            if (KILOGRAM.equals(unit1)) {
                kilograms = kilograms.add(qty1);
            }
            lines.add(new InventoryLine(line.gnum(), filing.itemRecordNo(), line.sku(), line.name(), filing.hsCode(),
                    line.name(), line.model() != null ? line.model() : filing.model() != null ? filing.model() : line.name(),
                    line.barcode(), line.originCountry(), null, order.currency(), line.qty(), line.unit(), qty1, unit1,
                    null, null, line.price(), line.totalPrice(), null));
        }
        boolean direct = !declarant.tradeMode().bonded();
        if (direct && parts.arrival().isEmpty()) {
            return Assembled.notYet("no warehouse-in list (CEB711) names parcel " + waybill.logisticsNo() + " yet");
        }
        Optional<WarehouseInList> arrival = parts.arrival();
        BigDecimal gross = waybill.weight();
        // the net weight is the goods' own where the filings say it in kilograms, never more than the parcel's
        BigDecimal net = kilograms.signum() > 0 && kilograms.compareTo(gross) <= 0 ? kilograms : gross;
        return new Assembled(new InventoryDeclaration(order.orderNo(), order.ebpCode(), order.ebpName(), order.ebcCode(),
                order.ebcName(), waybill.logisticsNo(), waybill.logisticsCode(), waybill.logisticsName(),
                copNo(order.ebpCode(), order.orderNo()), null, null, order.ebcCode(),
                direct ? null : declarant.emsNo(), today, declarant.customsCode(), declarant.portCode(), null,
                order.buyer(), order.consignee().address(), agentCode, agentName,
                direct ? null : declarant.areaCode(), direct ? null : declarant.areaName(), declarant.tradeMode(),
                direct ? arrival.get().trafMode() : declarant.trafMode(),
                direct ? arrival.get().trafNo() : null, direct ? arrival.get().voyageNo() : null,
                direct ? arrival.get().billNo() : waybill.billNo(), null, null,
                direct ? order.lines().get(0).originCountry() : CHINA, order.freight(), waybill.insuredFee(),
                order.currency(), declarant.wrapType(), waybill.packNo(), gross, net, null, lines, draft), null);
    }
}
