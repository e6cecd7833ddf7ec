package org.parkhub.precheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.parkhub.customs.CebDocuments;
import org.parkhub.customs.CebInventories;
import org.parkhub.customs.CebTransfer;
import org.parkhub.customs.CebXml;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.Transaction;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.InventoryLine;
import org.parkhub.model.OrderLine;
import org.parkhub.model.ProductFiling;
import org.parkhub.model.TradeMode;
import org.parkhub.model.WarehouseInList;
import org.parkhub.support.XsdCheck;
import org.parkhub.validate.Findings;
import org.parkhub.validate.MessageValidator;

/**
 * A matched case's declaration assembled from its order, waybill and product filings: for 1210 with the account book,
 * for 9610 with the transport of the warehouse-in list that brought the parcel; valid as customs' XSD and the hub's
 * rules say, and matching its order line for line so that the pre-check finds nothing in it.
 */
class DeclarationAssemblyTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 8);
    static final Declarants.Declarant BONDED = new Declarants.Declarant("3301960ABC", "BROKER-01",
            Declarants.Mode.DRAFT, TradeMode.BONDED, "4227", "4227", "3702W6", "Qingdao Bonded Zone", "T3702W000001",
            "Y", "2");
    static final Declarants.Declarant DIRECT = new Declarants.Declarant("3301960ABC", "BROKER-01",
            Declarants.Mode.ON_BEHALF, TradeMode.DIRECT, "4227", "4227", null, null, null, null, "2");

    final ParkFixtures fixtures = new ParkFixtures(988);
    final Transaction t = fixtures.transaction();

    private Map<String, ProductFiling> filings() {
        return fixtures.catalogue().stream().collect(java.util.stream.Collectors.toMap(ProductFiling::sku, p -> p));
    }

    @Test
    void aBondedDeclarationTakesItsGoodsFromTheFilingsAndItsBookFromTheDeclarant() throws Exception {
        DeclarationAssembly.Assembled assembled = DeclarationAssembly.assemble(new DeclarationAssembly.Parts(t.order(),
                t.waybill(), filings(), Optional.empty()), BONDED, "3702980AGT", "Demo Customs Broker", TODAY, true);

        InventoryDeclaration d = assembled.declaration();
        assertThat(assembled.notYet()).isNull();
        assertThat(d.isDraft()).isTrue();
        assertThat(d.copNo()).isEqualTo(DeclarationAssembly.copNo(t.order().ebpCode(), t.order().orderNo()))
                .hasSize(20);
        assertThat(d.emsNo()).isEqualTo("T3702W000001");
        assertThat(d.tradeMode()).isEqualTo(TradeMode.BONDED);
        assertThat(d.logisticsNo()).isEqualTo(t.waybill().logisticsNo());
        assertThat(d.insuredFee()).isEqualByComparingTo(t.waybill().insuredFee());
        for (int i = 0; i < d.lines().size(); i++) {
            InventoryLine line = d.lines().get(i);
            OrderLine ordered = t.order().lines().get(i);
            ProductFiling filing = filings().get(ordered.sku());
            assertThat(line.gnum()).isEqualTo(ordered.gnum());
            assertThat(line.gname()).isEqualTo(ordered.name());
            assertThat(line.gcode()).isEqualTo(filing.hsCode());
            assertThat(line.itemRecordNo()).isEqualTo(filing.itemRecordNo());
            assertThat(line.unit1()).isEqualTo("035");
            assertThat(line.qty1()).isEqualByComparingTo(ordered.qty().multiply(filing.legalQty()));
        }
        assertThat(d.netWeight()).isLessThanOrEqualTo(d.grossWeight()).isPositive();
        valid(d);
        // the pre-check finds nothing in a declaration assembled from the documents it checks against
        assertThat(new ThreeDocumentMatcher(new BigDecimal("5000")).match(new CaseDocuments(t.order(), t.payment(),
                t.waybill(), d.confirmed(), List.of(), List.of()))).extracting(Finding::rule).isEmpty();
    }

    @Test
    void aDirectPurchaseWaitsForTheWarehouseInListAndTakesItsTransport() throws Exception {
        DeclarationAssembly.Parts waiting = new DeclarationAssembly.Parts(t.order(), t.waybill(), filings(),
                Optional.empty());
        assertThat(DeclarationAssembly.assemble(waiting, DIRECT, "3702980AGT", null, TODAY, false).notYet())
                .contains(t.waybill().logisticsNo());

        WarehouseInList arrival = fixtures.warehouseInList(List.of(t.waybill()));
        InventoryDeclaration d = DeclarationAssembly.assemble(new DeclarationAssembly.Parts(t.order(), t.waybill(),
                filings(), Optional.of(arrival)), DIRECT, "3702980AGT", null, TODAY, false).declaration();
        assertThat(d.isDraft()).isFalse();
        assertThat(d.tradeMode()).isEqualTo(TradeMode.DIRECT);
        assertThat(d.trafNo()).isEqualTo(arrival.trafNo());
        assertThat(d.voyageNo()).isEqualTo(arrival.voyageNo());
        assertThat(d.billNo()).isEqualTo(arrival.billNo());
        assertThat(d.emsNo()).isNull();
        valid(d);
    }

    @Test
    void anOrderLineWithoutAFilingCannotBeAssembled() {
        assertThat(DeclarationAssembly.assemble(new DeclarationAssembly.Parts(t.order(), t.waybill(), Map.of(),
                Optional.empty()), BONDED, "3702980AGT", null, TODAY, true).notYet())
                .startsWith("no product filing of " + t.order().ebcCode() + " for SKU");
    }

    private static void valid(InventoryDeclaration d) throws Exception {
        Findings findings = new MessageValidator(Clock.system(ZONE)).validate(d);
        assertThat(findings.errors()).isEmpty();
        String xml = CebXml.write(CebInventories.toCeb621(List.of(d), new CebTransfer("3702980AGT", "Demo Broker",
                "DXPENT0000000003"), OffsetDateTime.now(ZONE), ZONE));
        XsdCheck.validate(Path.of("schemas/ceb/ceb-subset.xsd"), xml);
        InventoryDeclaration read = (InventoryDeclaration) CebDocuments.read(xml, ZONE).payloads().get(0);
        // what customs' form carries of it comes back as it went (a draft as appStatus 1)
        assertThat(read.isDraft()).isEqualTo(d.isDraft());
        assertThat(read.lines()).isEqualTo(d.lines());
        assertThat(read.copNo()).isEqualTo(d.copNo());
    }
}
