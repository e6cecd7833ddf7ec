package org.parkhub.support;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.parkhub.support.XsdOutline.Decl;

/**
 * Writes customs documents from the official XSD's outline, element by element, so that a test can prove the hub
 * reads whatever the official schema allows. Values that the customs specification gives a meaning to (times,
 * codes of code lists, appType) take a meaningful value; every other text is free, and can be made as long as the
 * official schema allows, in Chinese.
 */
public final class CebDocumentGenerator {

    /** What a generated document does with the elements the schema lets it leave out. */
    public enum Optionals { ABSENT, PRESENT, EMPTY }

    /**
     * One way of writing a document. {@code maximal}: every free text at its longest, every repeatable business node
     * and line as often as {@code repeats} allows; {@code extras}: BaseSubscribe five times and an ExtendMessage;
     * {@code prefixed}: the {@code ceb:} prefix (else a default namespace); {@code lowerCaseGuids}: as customs' own
     * receipts write them.
     */
    public record Variant(String name, Optionals optionals, boolean maximal, boolean extras, boolean prefixed,
                          boolean lowerCaseGuids, int repeats) {
    }

    /** Values with a meaning in the specification, by element name; everything else is free text. */
    private static final Map<String, String> MEANINGFUL = Map.ofEntries(
            Map.entry("appType", "1"), Map.entry("appStatus", "2"), Map.entry("appTime", "20261207093000"),
            Map.entry("payTime", "20261207092000"), Map.entry("logisticsTime", "20261207100000"),
            Map.entry("returnTime", "20261207093000123"), Map.entry("declTime", "20261207"),
            Map.entry("ieDate", "20261207"), Map.entry("currency", "142"), Map.entry("country", "502"),
            Map.entry("tradeCountry", "502"), Map.entry("unit", "011"), Map.entry("unit1", "035"),
            Map.entry("unit2", "011"), Map.entry("buyerIdType", "1"), Map.entry("payerIdType", "1"),
            Map.entry("orderType", "I"), Map.entry("ieFlag", "I"), Map.entry("tradeMode", "1210"),
            Map.entry("trafMode", "5"), Map.entry("wrapType", "2"), Map.entry("returnStatus", "120"),
            Map.entry("logisticsStatus", "S"), Map.entry("dxpMode", "DXP"), Map.entry("gcode", "3304990099"),
            Map.entry("customsCode", "5141"), Map.entry("portCode", "5141"), Map.entry("consigneeDistrict", "440106"),
            Map.entry("version", "1.0"), Map.entry("status", "1"), Map.entry("gnum", "1"),
            Map.entry("packNo", "1"), Map.entry("msgCount", "1"), Map.entry("msgSeqNo", "1"),
            Map.entry("goodsQty", "1"), Map.entry("oriMessageType", "CEB311Message"), Map.entry("isDelay", "0"),
            Map.entry("taxStatus", "1"), Map.entry("Tradetype", "1210"));

    private final XsdOutline official;

    public CebDocumentGenerator(XsdOutline official) {
        this.official = official;
    }

    public String write(String message, Variant variant) {
        Decl root = official.element(message);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        String tag = variant.prefixed() ? "ceb:" + root.name() : root.name();
        xml.append('<').append(tag).append(variant.prefixed() ? " xmlns:ceb=\"" : " xmlns=\"")
                .append("http://www.chinaport.gov.cn/ceb\"");
        for (Decl attribute : root.attributes()) {
            xml.append(' ').append(attribute.name()).append("=\"").append(value(attribute, variant)).append('"');
        }
        xml.append(">\n");
        for (Decl child : root.children()) {
            element(child, variant, xml, "  ");
        }
        xml.append("</").append(tag).append(">\n");
        return xml.toString();
    }

    private void element(Decl decl, Variant variant, StringBuilder xml, String indent) {
        if (decl.external() || decl.wildcard()) {
            return; // the signature is added by signing the written document
        }
        boolean extra = decl.name().equals("BaseSubscribe") || decl.name().equals("ExtendMessage");
        if (extra && !variant.extras() || decl.optional() && !extra && variant.optionals() == Optionals.ABSENT) {
            return;
        }
        int count = extra ? Math.min(decl.maxOccurs(), 5)
                : decl.maxOccurs() > 1 && variant.maximal() ? Math.min(decl.maxOccurs(), variant.repeats()) : 1;
        String tag = variant.prefixed() ? "ceb:" + decl.name() : decl.name();
        for (int i = 1; i <= count; i++) {
            if (decl.simple()) {
                String text = decl.optional() && variant.optionals() == Optionals.EMPTY && decl.minLength() == 0
                        && decl.base().equals("xs:string") ? "" : value(decl, variant, i);
                xml.append(indent).append('<').append(tag).append(text.isEmpty() ? "/>\n" : ">" + escape(text) + "</" + tag + ">\n");
            } else if (decl.name().equals("Message")) {
                // ExtendMessage's free XML, in another namespace
                xml.append(indent).append('<').append(tag).append("><ext:note xmlns:ext=\"urn:example:extension\">")
                        .append("自定义扩展</ext:note></").append(tag).append(">\n");
            } else {
                xml.append(indent).append('<').append(tag).append(">\n");
                for (Decl child : decl.children()) {
                    element(child, variant, xml, indent + "  ");
                }
                xml.append(indent).append("</").append(tag).append(">\n");
            }
        }
    }

    private static String value(Decl decl, Variant variant) {
        return value(decl, variant, 1);
    }

    /** A value valid for the declaration; {@code position} keeps repeated lines' numbers apart. */
    private static String value(Decl decl, Variant variant, int position) {
        if (decl.name().equals("guid")) {
            String guid = UUID.randomUUID().toString();
            return variant.lowerCaseGuids() ? guid : guid.toUpperCase(Locale.ROOT);
        }
        if (decl.name().equals("gnum")) {
            return String.valueOf(position);
        }
        String meaningful = MEANINGFUL.get(decl.name());
        if (meaningful != null && (decl.maxLength() < 0 || meaningful.length() <= decl.maxLength())) {
            return meaningful;
        }
        if (decl.base().equals("xs:decimal")) {
            // decimal(19,5): at its longest, 14 integer digits and 5 decimals
            return variant.maximal() ? "99999999999999.99999" : "12.50000";
        }
        if (decl.base().equals("xs:int")) {
            return variant.maximal() ? "999999999" : "1";
        }
        int max = decl.maxLength();
        int min = Math.max(decl.minLength(), 1);
        int length = variant.maximal() && max > 0 ? max : Math.max(min, Math.min(8, max < 0 ? 8 : max));
        if (max > 0 && max <= 20) {
            // codes and numbers: letters and digits, as firms' codes are
            return "A1B2C3D4E5F6G7H8J9K0".substring(0, Math.min(length, 20)) + "9".repeat(Math.max(0, length - 20));
        }
        return "测试文本".repeat(length / 4 + 1).substring(0, length);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
