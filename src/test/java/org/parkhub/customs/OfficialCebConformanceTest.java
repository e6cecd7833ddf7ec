package org.parkhub.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parkhub.support.CebDocumentGenerator;
import org.parkhub.support.CebDocumentGenerator.Optionals;
import org.parkhub.support.CebDocumentGenerator.Variant;
import org.parkhub.support.TestSigningKey;
import org.parkhub.support.XsdCheck;
import org.parkhub.support.XsdOutline;

/**
 * The official import XSD is the structural contract (decision 0011): documents generated from it, for every
 * message the hub reads and in every shape it allows, are read; the project's own schema says the same as the
 * official one, element by element, but for the few rules it adds on purpose. Mandatory in .ci/run, which names
 * the official XSD; the project does not copy it.
 */
class OfficialCebConformanceTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Path SUBSET = Path.of("schemas/ceb/ceb-subset.xsd");

    static final List<Variant> VARIANTS = List.of(
            new Variant("optional elements absent", Optionals.ABSENT, false, false, true, false, 1),
            new Variant("optional elements present", Optionals.PRESENT, false, false, false, false, 1),
            new Variant("optional elements empty", Optionals.EMPTY, false, false, true, false, 1),
            new Variant("longest values, repeated nodes", Optionals.PRESENT, true, false, true, false, 3),
            new Variant("BaseSubscribe and ExtendMessage", Optionals.PRESENT, false, true, false, false, 1),
            new Variant("lower-case guids", Optionals.ABSENT, false, false, false, true, 1));

    @TempDir
    static Path keys;
    static XsdOutline official;
    static Path officialXsd;
    static CebSigner signer;

    @BeforeAll
    static void officialSchema() throws Exception {
        officialXsd = XsdCheck.officialCebXsd();
        official = XsdOutline.of(officialXsd);
        signer = TestSigningKey.signer(keys);
    }

    static Stream<Arguments> documents() {
        return CebDocuments.READABLE.stream().flatMap(code -> VARIANTS.stream().map(v -> Arguments.of(code, v)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("documents")
    void everyDocumentTheOfficialSchemaAllowsIsRead(String code, Variant variant) throws Exception {
        String xml = document(code, variant);
        assertOfficiallyValid(xml);

        CebDocuments.Content content = CebDocuments.read(xml, ZONE);

        assertThat(content.messageCode()).isEqualTo(code);
        assertThat(content.payloads()).hasSize(businessNodes(code, variant));
    }

    @ParameterizedTest(name = "{0} signed")
    @MethodSource("signable")
    void aSignedDocumentIsRead(String code) throws Exception {
        String xml = signer.sign(new CebDocumentGenerator(official).write(code + "Message", VARIANTS.get(1)));
        assertOfficiallyValid(xml);

        assertThat(CebDocuments.read(xml, ZONE).payloads()).isNotEmpty();
    }

    /** The messages that may carry a signature without having to (the others are always signed above). */
    static Stream<String> signable() {
        return CebDocuments.READABLE.stream().filter(code -> signature(code) != null && signature(code).optional());
    }

    /** The generated document, signed where the official schema requires a signature. */
    private static String document(String code, Variant variant) throws CustomsXmlException {
        String xml = new CebDocumentGenerator(official).write(code + "Message", variant);
        XsdOutline.Decl signature = signature(code);
        return signature != null && !signature.optional() ? signer.sign(xml) : xml;
    }

    private static XsdOutline.Decl signature(String code) {
        return official.element(code + "Message").children().stream().filter(c -> c.name().equals("Signature"))
                .findFirst().orElse(null);
    }

    @Test
    void theProjectSchemaSaysWhatTheOfficialOneSays() throws Exception {
        XsdOutline subset = XsdOutline.of(SUBSET);
        List<String> differences = new ArrayList<>();
        for (String code : CebDocuments.READABLE) {
            Map<String, String> theirs = official.flatten(code + "Message");
            Map<String, String> ours = subset.flatten(code + "Message");
            theirs.forEach((path, shape) -> {
                String mine = ours.get(path);
                if (!shape.equals(mine) && !ADDED_ON_PURPOSE.getOrDefault(path.replaceAll("^/CEB[0-9]+Message", ""),
                        "").equals(mine == null ? "" : mine.replaceAll("^.*pattern=", "pattern="))
                        && !(path.endsWith("/Signature") && mine != null && mine.endsWith("any"))) {
                    differences.add(path + ": official " + shape + ", project " + mine);
                }
            });
            ours.keySet().stream().filter(p -> !theirs.containsKey(p))
                    .forEach(p -> differences.add(p + ": only in the project's schema"));
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void aDocumentTheOfficialSchemaRefusesIsAnsweredWithTheElementPath() throws Exception {
        String xml = document("CEB311", VARIANTS.get(3));
        // the second order's number one character too long, the first order's currency missing
        String broken = replaceNth(xml, "<ceb:orderNo>", "<ceb:orderNo>X", 2)
                .replaceFirst("<ceb:currency>142</ceb:currency>\\s*<ceb:buyerRegNo>", "<ceb:buyerRegNo>");
        assertThatThrownBy(() -> XsdCheck.validate(officialXsd, broken)).isNotNull();

        assertThatThrownBy(() -> CebDocuments.read(broken, ZONE)).isInstanceOf(CustomsXmlException.class)
                .hasMessageContaining("/CEB311Message/Order/OrderHead/buyerRegNo: cvc-complex-type.2.4.a")
                .hasMessageContaining("currency")
                .hasMessageContaining("/CEB311Message/Order[2]/OrderHead/orderNo: cvc-maxLength-valid");
    }

    /** What the project's schema adds to the official one on purpose: times are times, HS codes are digits. */
    static final Map<String, String> ADDED_ON_PURPOSE = addedOnPurpose();

    private static Map<String, String> addedOnPurpose() {
        Map<String, String> rules = new LinkedHashMap<>();
        String time14 = "pattern=[0-9]{4}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])([01][0-9]|2[0-3])[0-5][0-9][0-5][0-9]}";
        String time17 = "pattern=[0-9]{17}}";
        String date8 = "pattern=[0-9]{8}}";
        String hsCode = "pattern=[0-9]{10}}";
        for (String head : List.of("/Order/OrderHead", "/Payment/PaymentHead", "/Logistics/LogisticsHead",
                "/LogisticsStatus", "/Inventory/InventoryHead", "/InvtCancel", "/InvtRefund/InvtRefundHead",
                "/Delivery/DeliveryHead")) {
            rules.put(head + "/appTime", time14);
        }
        rules.put("/Payment/PaymentHead/payTime", time14);
        rules.put("/LogisticsStatus/logisticsTime", time14);
        for (String receipt : List.of("/OrderReturn", "/PaymentReturn", "/LogisticsReturn", "/LogisticsStatusReturn",
                "/InventoryReturn", "/InvtCancelReturn", "/InvtRefundReturn", "/DeliveryReturn", "/Tax/TaxHeadRd",
                "/Tax/TaxHeadStatus", "/MessageReturn")) {
            rules.put(receipt + "/returnTime", time17);
        }
        rules.put("/Inventory/InventoryHead/declTime", date8);
        rules.put("/Inventory/InventoryHead/ieDate", date8);
        for (String line : List.of("/Inventory/InventoryList", "/InvtRefund/InvtRefundList", "/Tax/TaxListRd")) {
            rules.put(line + "/gcode", hsCode);
        }
        return rules;
    }

    private static int businessNodes(String code, Variant variant) {
        XsdOutline.Decl first = official.element(code + "Message").children().get(0);
        return first.maxOccurs() > 1 && variant.maximal() ? Math.min(first.maxOccurs(), variant.repeats()) : 1;
    }

    private static void assertOfficiallyValid(String xml) {
        try {
            XsdCheck.validate(officialXsd, xml);
        } catch (Exception e) {
            fail("the generator wrote a document the official XSD refuses: " + e.getMessage() + "\n" + xml);
        }
    }

    private static String replaceNth(String text, String target, String replacement, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = text.indexOf(target, at + 1);
        }
        return text.substring(0, at) + replacement + text.substring(at + target.length());
    }
}
