package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parkhub.customs.CebDocuments;
import org.parkhub.customs.CebInventories;
import org.parkhub.customs.CebSignatures;
import org.parkhub.customs.CebTransfer;
import org.parkhub.customs.CebXml;
import org.parkhub.customs.DxpEnvelope;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.fixtures.Transaction;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.Order;
import org.parkhub.model.ProductFiling;
import org.parkhub.precheck.DeclarationAssembly;
import org.parkhub.support.Demo;
import org.parkhub.support.RunningHub;
import org.parkhub.support.XsdCheck;

/**
 * The customs gateway to a directory, as a park whose DXP client picks files up would configure it: each document
 * routed to customs is one file, a DXP envelope from the sender's DXP node to customs' with the customs message
 * inside, a declaration signed so that its signature verifies, all valid against the customs schema.
 */
class CustomsGatewayTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Path OUT = temporaryDirectory();
    /** This park's broker lets the hub declare the demo platform's matched cases on its behalf. */
    static final Path DECLARANTS = declarants();

    @RegisterExtension
    static final RunningHub hub = RunningHub.perClass(Map.of("parkhub.customs.gateway.endpoint", "file:" + OUT,
            "parkhub.customs.declarants", DECLARANTS.toString()));

    @Test
    void eachDocumentLeavesAsOneDxpFileAndADeclarationIsSigned() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(986);
        Transaction t = fixtures.transaction();
        Order order = RecordEdit.with(t.order(), "orderNo", "ORD-GATE-1");
        HttpResponse<String> posted = hub.post("/api/v1/messages/order", Demo.PLATFORM_KEY, "application/json",
                CanonicalMapper.toJson(order));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        InventoryDeclaration declaration = RecordEdit.with(RecordEdit.with(fixtures.declaration(t), "orderNo", "ORD-GATE-1"),
                "copNo", "COPGATE000001");
        posted = hub.post("/api/v1/ceb", Demo.BROKER_KEY, "application/xml", CebXml.write(CebInventories.toCeb621(
                List.of(declaration), new CebTransfer("3702980AGT", "Demo Broker", "DXPENT0000000003"),
                OffsetDateTime.now(ZONE), ZONE)));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);

        DxpEnvelope.Message orderFile = await().atMost(Duration.ofSeconds(30)).until(() -> file("CEB311Message", "ORD-GATE-1"),
                Optional::isPresent).get();
        assertThat(orderFile.transInfo().receiverIds()).containsExactly("DXPEDCCEB0000002");
        String orderXml = new String(orderFile.data(), StandardCharsets.UTF_8);
        XsdCheck.validate(Path.of("schemas/ceb/ceb-subset.xsd"), orderXml);
        assertThat(CebSignatures.verify(orderXml).status()).isEqualTo(CebSignatures.Status.NONE);

        DxpEnvelope.Message declared = await().atMost(Duration.ofSeconds(30)).until(() -> file("CEB621Message", "COPGATE000001"),
                Optional::isPresent).get();
        // from the broker's own DXP node
        assertThat(declared.transInfo().senderId()).isEqualTo("DXPENT0000000003");
        String xml = new String(declared.data(), StandardCharsets.UTF_8);
        XsdCheck.validate(Path.of("schemas/ceb/ceb-subset.xsd"), xml);
        assertThat(CebSignatures.verify(xml).status()).isEqualTo(CebSignatures.Status.VALID);
        InventoryDeclaration sent = (InventoryDeclaration) CebDocuments.read(xml, ZONE).payloads().get(0);
        assertThat(sent.copNo()).isEqualTo("COPGATE000001");
        assertThat(sent.lines()).hasSameSizeAs(declaration.lines());
        // a signature over what was sent: a changed byte does not verify
        assertThat(CebSignatures.verify(xml.replace("COPGATE000001", "COPGATE000002")).status())
                .isEqualTo(CebSignatures.Status.INVALID);
    }

    @Test
    void aBrokerThatLetsTheHubDeclareGetsItsMatchedCasesDeclaredSigned() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(990);
        Transaction t = fixtures.transaction();
        for (ProductFiling filing : fixtures.catalogue()) {
            post("/api/v1/messages/product", Demo.MERCHANT_KEY, CanonicalMapper.toJson(filing));
        }
        post("/api/v1/messages/order", Demo.PLATFORM_KEY, CanonicalMapper.toJson(RecordEdit.with(t.order(), "orderNo",
                "ORD-GATE-2")));
        post("/api/v1/messages/payment", Demo.PAYMENT_KEY, CanonicalMapper.toJson(RecordEdit.with(t.payment(), "orderNo",
                "ORD-GATE-2")));
        post("/api/v1/messages/waybill", Demo.LOGISTICS_KEY, CanonicalMapper.toJson(RecordEdit.with(t.waybill(),
                "orderNo", "ORD-GATE-2")));
        String copNo = DeclarationAssembly.copNo(t.order().ebpCode(), "ORD-GATE-2");

        DxpEnvelope.Message declared = await().atMost(Duration.ofSeconds(60)).until(() -> file("CEB621Message", copNo),
                Optional::isPresent).get();
        // declared in the broker's name, from its DXP node, signed, appStatus 2
        assertThat(declared.transInfo().senderId()).isEqualTo("DXPENT0000000003");
        String xml = new String(declared.data(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<copCode>3702980AGT</copCode>").contains("<appStatus>2</appStatus>");
        XsdCheck.validate(Path.of("schemas/ceb/ceb-subset.xsd"), xml);
        assertThat(CebSignatures.verify(xml).status()).isEqualTo(CebSignatures.Status.VALID);
        InventoryDeclaration sent = (InventoryDeclaration) CebDocuments.read(xml, ZONE).payloads().get(0);
        assertThat(sent.isDraft()).isFalse();
        assertThat(sent.agentCode()).isEqualTo("3702980AGT");
        // the hub's declaration is the broker's to follow: its state, and the case is declared
        HttpResponse<String> state = hub.get("/api/v1/declarations/" + copNo, Demo.BROKER_KEY);
        assertThat(state.statusCode()).as(state.body()).isEqualTo(200);
    }

    private static void post(String path, String key, String body) throws Exception {
        HttpResponse<String> answer = hub.post(path, key, "application/json", body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }

    private static Optional<DxpEnvelope.Message> file(String messageType, String contains) throws IOException {
        try (Stream<Path> files = Files.list(OUT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                DxpEnvelope.Message message = DxpEnvelope.unwrap(Files.readString(file));
                if (message.transInfo().msgType().equals(messageType)
                        && new String(message.data(), StandardCharsets.UTF_8).contains(contains)) {
                    return Optional.of(message);
                }
            }
            return Optional.empty();
        } catch (org.parkhub.customs.CustomsXmlException e) {
            throw new IOException(e);
        }
    }

    private static Path declarants() {
        try {
            Path file = Files.createTempFile("parkhub-declarants-", ".yaml");
            Files.writeString(file, String.join("\n", "declarants:", "  - platform: 3301960ABC",
                    "    broker: BROKER-01", "    mode: on-behalf", "    tradeMode: \"1210\"", "    customsCode: \"4227\"",
                    "    portCode: \"4227\"", "    areaCode: 3702W6", "    areaName: Qingdao Bonded Zone",
                    "    emsNo: T3702W000001", "    trafMode: \"Y\"", "    wrapType: \"2\"", ""));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("parkhub-dxp-out-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
