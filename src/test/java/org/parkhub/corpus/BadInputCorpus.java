package org.parkhub.corpus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parkhub.corpus.BadInput.Expected;
import org.parkhub.corpus.BadInput.FtpAction;
import org.parkhub.corpus.BadInput.FtpFile;
import org.parkhub.corpus.BadInput.FtpReply;
import org.parkhub.corpus.BadInput.Problem;
import org.parkhub.corpus.BadInput.Receipt;
import org.parkhub.corpus.BadInput.Rest;
import org.parkhub.customs.CebOrders;
import org.parkhub.customs.CebTransfer;
import org.parkhub.customs.CebXml;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.ProfileSamples;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.support.CuttingFtpClient;
import org.parkhub.support.Demo;

/**
 * The bad-input corpus: every case a malformed, hostile or impossible input, with the specific answer its
 * sender gets. Large inputs are generated when their case runs.
 */
final class BadInputCorpus {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String ORDERS = "/api/v1/messages/order";
    private static final String PAYMENTS = "/api/v1/messages/payment";
    private static final String CEB = "/api/v1/ceb";
    private static final String JSON = "application/json";
    private static final String XML = "application/xml";
    private static final String STOCK_HEADER = "仓库编码,货主海关编码,商品货号,批次号,数量,计量单位,业务类型,账册编号,账册备案序号,单据号,发生时间";
    private static final String STOCK_ROW = "QDBW01,3301960XYZ,SKU-1,B1,5,件,入库,,,R1,2026/3/5 14:02";

    private final List<BadInput> cases = new ArrayList<>();

    static List<BadInput> cases() {
        BadInputCorpus corpus = new BadInputCorpus();
        corpus.json();
        corpus.canonicalXml();
        corpus.cebXml();
        corpus.csv();
        corpus.ftp();
        return Collections.unmodifiableList(corpus.cases);
    }

    // ---- canonical JSON over REST ----

    private void json() {
        rest("json-not-json", "the word hello", JSON, () -> utf8("hello"), problem(400, "malformed", "not valid JSON"));
        rest("json-truncated", "an order cut off after its first field", JSON, () -> utf8("{\"orderNo\": \"ORD-1\","),
                problem(400, "malformed", "not valid JSON"));
        rest("json-empty-body", "an empty body", JSON, () -> new byte[0], problem(400, "malformed", "JSON"));
        rest("json-number", "a bare number", JSON, () -> utf8("42"), problem(400, "malformed", "JSON object or an array"));
        rest("json-string", "a bare string", JSON, () -> utf8("\"order\""), problem(400, "malformed", "JSON object or an array"));
        rest("json-null", "null", JSON, () -> utf8("null"), problem(400, "malformed", "JSON object or an array"));
        rest("json-empty-array", "an empty array", JSON, () -> utf8("[]"), problem(422, "invalid-message", "no items"));
        rest("json-array-of-numbers", "an array of numbers", JSON, () -> utf8("[1, 2]"),
                problem(422, "invalid-message", "must be a JSON object"));
        rest("json-nested-100k", "100,000 nested arrays", JSON, () -> utf8("[".repeat(100_000) + "]".repeat(100_000)),
                problem(400, "malformed", "nesting depth"));
        rest("json-nested-in-field", "an order whose buyer nests 5,000 objects deep", JSON,
                () -> utf8(order("\"buyer\": {", "\"buyer\": " + "{\"x\":".repeat(5_000) + "1" + "}".repeat(5_000) + ", \"y\": {")),
                problem(400, "malformed", "nesting depth"));
        rest("json-duplicate-key", "an order with orderNo twice", JSON,
                () -> utf8(order("\"orderNo\": \"ORD-20261126-0001\"", "\"orderNo\": \"ORD-A\", \"orderNo\": \"ORD-B\"")),
                problem(400, "malformed", "Duplicate field 'orderNo'"));
        rest("json-duplicate-nested-key", "an order line with qty twice", JSON,
                () -> utf8(order("\"qty\": 2", "\"qty\": 2, \"qty\": 3")), problem(400, "malformed", "Duplicate field 'qty'"));
        rest("json-unknown-field", "an order with a field the model does not have", JSON,
                () -> utf8(order("\"currency\": \"CNY\"", "\"currency\": \"CNY\", \"discountCode\": \"X\"")),
                problem(422, "invalid-message", "UNKNOWN_FIELD"));
        rest("json-qty-word", "qty written as a word", JSON, () -> utf8(order("\"qty\": 2", "\"qty\": \"two\"")),
                problem(422, "invalid-message", "TYPE"));
        rest("json-qty-fraction", "qty 2.5", JSON, () -> utf8(order("\"qty\": 2", "\"qty\": 2.5")),
                problem(422, "invalid-message", "qty"));
        rest("json-lines-object", "lines as an object instead of a list", JSON,
                () -> utf8(order("\"lines\": [", "\"lines\": {\"a\": [") .replace("}]}", "}]}}")),
                problem(422, "invalid-message", "TYPE"));
        rest("json-price-boolean", "a price of true", JSON, () -> utf8(order("\"price\": \"99.00\"", "\"price\": true")),
                problem(422, "invalid-message", "TYPE"));
        rest("json-negative-price", "a line price of -99.00", JSON,
                () -> utf8(order("\"price\": \"99.00\"", "\"price\": \"-99.00\"")), problem(422, "invalid-message", "price"));
        rest("json-negative-qty", "qty -2", JSON, () -> utf8(order("\"qty\": 2", "\"qty\": -2")),
                problem(422, "invalid-message", "qty"));
        rest("json-zero-qty", "qty 0", JSON, () -> utf8(order("\"qty\": 2", "\"qty\": 0")), problem(422, "invalid-message", "qty"));
        rest("json-huge-number", "goodsValue 1e400", JSON, () -> utf8(order("\"goodsValue\": \"198.00\"", "\"goodsValue\": 1e400")),
                problem(422, "invalid-message", "goodsValue"));
        rest("json-many-digits", "goodsValue with 40 integer digits", JSON,
                () -> utf8(order("\"goodsValue\": \"198.00\"", "\"goodsValue\": \"" + "9".repeat(40) + ".00\"")),
                problem(422, "invalid-message", "goodsValue"));
        rest("json-six-decimals", "freight 10.000001 (amounts have at most five decimals)", JSON,
                () -> utf8(order("\"freight\": \"10.00\"", "\"freight\": \"10.000001\"")), problem(422, "invalid-message", "freight"));
        rest("json-huge-qty", "qty beyond 32 bits", JSON, () -> utf8(order("\"qty\": 2", "\"qty\": 99999999999")),
                problem(422, "invalid-message", "qty"));
        rest("json-missing-order-no", "an order without orderNo", JSON,
                () -> utf8(order("\"orderNo\": \"ORD-20261126-0001\", ", "")), problem(422, "invalid-message", "REQUIRED"));
        rest("json-no-lines", "an order with an empty list of lines", JSON,
                () -> utf8(Demo.exampleOrder().replaceAll("(?s)\"lines\": \\[.*\\]", "\"lines\": []")),
                problem(422, "invalid-message", "lines"));
        rest("json-bad-currency", "currency XXX", JSON, () -> utf8(order("\"currency\": \"CNY\"", "\"currency\": \"XXX\"")),
                problem(422, "invalid-message", "CODE_LIST"));
        rest("json-bad-country", "origin country ZZZ", JSON,
                () -> utf8(order("\"originCountry\": \"KOR\"", "\"originCountry\": \"ZZZ\"")), problem(422, "invalid-message", "CODE_LIST"));
        rest("json-bad-id-checksum", "a buyer ID number with a wrong check digit", JSON,
                () -> utf8(order("110101199001011237", "110101199001011238")), problem(422, "invalid-message", "ID_CHECKSUM"));
        rest("json-impossible-birth-date", "a buyer ID number born on 30 February", JSON,
                () -> utf8(order("110101199001011237", "110101199002301234")), problem(422, "invalid-message", "buyer.idNumber"));
        rest("json-paid-mismatch", "actualPaid that is not goods + freight + tax - discount", JSON,
                () -> utf8(order("\"actualPaid\": \"226.93\"", "\"actualPaid\": \"1.00\"")), problem(422, "invalid-message", "PAID_MISMATCH"));
        rest("json-line-total-mismatch", "a line total that is not qty x price", JSON,
                () -> utf8(order("\"totalPrice\": \"198.00\"", "\"totalPrice\": \"197.00\"")),
                problem(422, "invalid-message", "LINE_TOTAL_MISMATCH"));
        rest("json-nul-in-text", "a NUL character inside the SKU", JSON, () -> utf8(order("\"sku\": \"SKU-1\"", "\"sku\": \"SKU\\u00001\"")),
                problem(422, "invalid-message", "sku"));
        rest("json-nul-in-name", "a NUL escaped inside the buyer's name (Bob\\u0000Evil)", JSON,
                () -> utf8(order("\"name\": \"Test Buyer\", \"idType\"", "\"name\": \"Bob\\u0000Evil\", \"idType\"")),
                problem(422, "invalid-message", "CHARACTERS"));
        rest("json-bell-in-address", "a BEL escaped inside the consignee's address", JSON,
                () -> utf8(order("1 Test Road", "1 Test\\u0007Road")), problem(422, "invalid-message", "CHARACTERS"));
        rest("json-lone-surrogate", "a lone surrogate escaped inside a line's name", JSON,
                () -> utf8(order("\"name\": \"Face cream\"", "\"name\": \"Face\\ud800cream\"")),
                problem(422, "invalid-message", "lone surrogate"));
        rest("json-control-char-raw", "a raw control character in a string", JSON,
                () -> utf8(order("\"sku\": \"SKU-1\"", "\"sku\": \"SKU\u00011\"")), problem(400, "malformed", "not valid JSON"));
        rest("json-invalid-utf8", "bytes that are not UTF-8 in a UTF-8 body", JSON,
                () -> withBytesAt("Face cream", new byte[] {(byte) 0xC3, 0x28}),
                problem(400, "malformed", "UTF-8"));
        rest("json-gbk-as-utf8", "a GBK-encoded body declared as UTF-8", JSON,
                () -> order("\"name\": \"Face cream\"", "\"name\": \"面霜\"").getBytes(GBK), problem(400, "malformed", "UTF-8"));
        rest("json-huge-string", "a SKU of one million characters", JSON,
                () -> utf8(order("\"sku\": \"SKU-1\"", "\"sku\": \"" + "S".repeat(1_000_000) + "\"")), problem(422, "invalid-message", "sku"));
        rest("json-too-large", "an 11 MB body (limit 10 MiB)", JSON, () -> utf8("[" + " ".repeat(11 * 1024 * 1024) + "]"),
                problem(413, "too-large", "10485760"));
        rest("json-text-plain", "an order sent as text/plain", "text/plain", () -> utf8(Demo.exampleOrder()),
                problem(415, "unsupported-media-type", "text/plain"));
        rest("json-form", "an order sent as a web form", "application/x-www-form-urlencoded", () -> utf8("orderNo=1"),
                problem(415, "unsupported-media-type", "application/x-www-form-urlencoded"));
        cases.add(new BadInput("json-unknown-type", "an order posted to /messages/spaceship",
                new Rest("/api/v1/messages/spaceship", Demo.PLATFORM_KEY, JSON, null, () -> utf8(Demo.exampleOrder())),
                problem(404, "unknown-type", "spaceship")));
        cases.add(new BadInput("json-type-not-permitted", "a warehouse posting an order",
                new Rest(ORDERS, Demo.WAREHOUSE_KEY, JSON, null, () -> utf8(Demo.exampleOrder())),
                problem(403, "not-permitted", "may not send order")));
        rest("json-foreign-codes", "an order under another platform's code", JSON,
                () -> utf8(order("\"ebpCode\": \"3301960ABC\"", "\"ebpCode\": \"1105910159\"")), problem(403, "not-your-codes", "own codes"));
        cases.add(new BadInput("json-bad-idempotency-key", "an Idempotency-Key with spaces",
                new Rest(ORDERS, Demo.PLATFORM_KEY, JSON, "key with spaces", () -> utf8(Demo.exampleOrder())),
                problem(400, "bad-idempotency-key", "visible ASCII")));
        cases.add(new BadInput("json-long-idempotency-key", "an Idempotency-Key of 300 characters",
                new Rest(ORDERS, Demo.PLATFORM_KEY, JSON, "k".repeat(300), () -> utf8(Demo.exampleOrder())),
                problem(400, "bad-idempotency-key", "1 to 200")));
        cases.add(new BadInput("json-payment-future", "a payment paid a year from now",
                new Rest(PAYMENTS, "phk_demopay01_demo-key-pay-01", JSON, null, () -> utf8(paymentPaidAt(OffsetDateTime.now().plusYears(1)))),
                problem(422, "invalid-message", "TIME_IN_FUTURE")));
        rest("json-formula-qty", "a spreadsheet formula where qty goes", JSON,
                () -> utf8(order("\"qty\": 2", "\"qty\": \"=1+1\"")), problem(422, "invalid-message", "TYPE"));
    }

    // ---- canonical XML over REST ----

    private void canonicalXml() {
        String order = "<order><orderNo>ORD-1</orderNo></order>";
        rest("xml-not-well-formed", "an order element never closed", XML, () -> utf8("<order><orderNo>ORD-1</orderNo>"),
                problem(400, "malformed", "not well-formed"));
        rest("xml-empty-body", "an empty XML body", XML, () -> new byte[0], problem(400, "malformed", "XML"));
        rest("xml-xxe-file", "an external entity reading /etc/passwd", XML, () -> utf8("<?xml version=\"1.0\"?>"
                + "<!DOCTYPE order [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><order><orderNo>&x;</orderNo></order>"),
                problem(400, "malformed", "DOCTYPE"));
        rest("xml-xxe-http", "an external entity fetching a URL", XML, () -> utf8("<!DOCTYPE order [<!ENTITY x SYSTEM "
                + "\"http://127.0.0.1:1/evil\">]><order><orderNo>&x;</orderNo></order>"), problem(400, "malformed", "DOCTYPE"));
        rest("xml-billion-laughs", "nested entity expansion (billion laughs)", XML, () -> utf8(billionLaughs("order")),
                problem(400, "malformed", "DOCTYPE"));
        rest("xml-external-dtd", "a DOCTYPE pointing at an external DTD", XML,
                () -> utf8("<!DOCTYPE order SYSTEM \"http://127.0.0.1:1/order.dtd\">" + order), problem(400, "malformed", "DOCTYPE"));
        rest("xml-wrong-root", "a payment document posted as an order", XML, () -> utf8("<payment><orderNo>1</orderNo></payment>"),
                problem(400, "malformed", "<order>"));
        rest("xml-wrong-namespace", "an order in a namespace of its own", XML,
                () -> utf8("<order xmlns=\"urn:evil\"><orderNo>ORD-1</orderNo></order>"), problem(400, "malformed", "namespace"));
        rest("xml-unknown-element", "an order with an element the model does not have", XML,
                () -> utf8("<order><orderNo>ORD-1</orderNo><discountCode>X</discountCode></order>"),
                problem(422, "invalid-message", "UNKNOWN_FIELD"));
        rest("xml-missing-fields", "an order with only its number", XML, () -> utf8(order), problem(422, "invalid-message", "REQUIRED"));
        rest("xml-amount-word", "goodsValue written as a word", XML,
                () -> utf8("<order><orderNo>ORD-1</orderNo><goodsValue>lots</goodsValue></order>"),
                problem(422, "invalid-message", "TYPE"));
        rest("xml-nul-char-ref", "a character reference to NUL", XML, () -> utf8("<order><orderNo>&#0;</orderNo></order>"),
                problem(400, "malformed", "not well-formed"));
        rest("xml-attribute-flood", "an element with 20,000 attributes", XML, () -> {
            StringBuilder xml = new StringBuilder("<order");
            for (int i = 0; i < 20_000; i++) {
                xml.append(" a").append(i).append("=\"x\"");
            }
            return utf8(xml.append("/>").toString());
        }, problem(400, "malformed", "Attribute limit"));
        rest("xml-deep-nesting", "10,000 nested elements", XML,
                () -> utf8("<order>" + "<x>".repeat(10_000) + "</x>".repeat(10_000) + "</order>"), problem(400, "malformed", "Element Depth"));
        rest("xml-two-roots", "two order elements side by side", XML, () -> utf8(order + order),
                problem(400, "malformed", "not well-formed"));
        rest("xml-text-only", "plain text declared as XML", XML, () -> utf8("just text"), problem(400, "malformed", "XML"));
        rest("xml-too-large", "an 11 MB XML body", XML, () -> utf8("<order>" + " ".repeat(11 * 1024 * 1024) + "</order>"),
                problem(413, "too-large", "10485760"));
    }

    // ---- customs (CEB) XML over REST ----

    private void cebXml() {
        rest("ceb-not-xml", "text where a CEB311 belongs", XML, CEB, () -> utf8("CEB311Message"), problem(400, "malformed-ceb", ""));
        rest("ceb-empty", "an empty body", XML, CEB, () -> new byte[0], problem(400, "malformed-ceb", ""));
        rest("ceb-unknown-message", "a CEB999Message", XML, CEB,
                () -> utf8(ceb311().replace("CEB311Message", "CEB999Message")), problem(400, "malformed-ceb", "CEB999Message"));
        rest("ceb-wrong-namespace", "a CEB311 in another namespace", XML, CEB,
                () -> utf8(ceb311().replace(CebXml.NAMESPACE, "http://www.example.com/ceb")), problem(400, "malformed-ceb", "is not in " + CebXml.NAMESPACE));
        rest("ceb-no-namespace", "a CEB311 without its namespace", XML, CEB,
                () -> utf8(ceb311().replace(" xmlns=\"" + CebXml.NAMESPACE + "\"", "")), problem(400, "malformed-ceb", "is not in " + CebXml.NAMESPACE));
        rest("ceb-xxe", "a CEB311 with an external entity", XML, CEB, () -> utf8(
                "<!DOCTYPE CEB311Message [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + ceb311().replace("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>", "")),
                problem(400, "malformed-ceb", "DOCTYPE"));
        rest("ceb-billion-laughs", "a CEB311 with nested entity expansion", XML, CEB, () -> utf8(billionLaughs("CEB311Message")),
                problem(400, "malformed-ceb", "DOCTYPE"));
        rest("ceb-missing-order-no", "a CEB311 whose orderNo is gone", XML, CEB,
                () -> utf8(ceb311().replaceAll("<orderNo>[^<]*</orderNo>", "")), problem(400, "malformed-ceb", "orderNo"));
        rest("ceb-bad-app-time", "a CEB311 with appTime 2026-13-45", XML, CEB,
                () -> utf8(ceb311().replaceAll("<appTime>[^<]*</appTime>", "<appTime>20261345250000</appTime>")),
                problem(400, "malformed-ceb", "Time14"));
        rest("ceb-qty-word", "a CEB311 line qty of 'many'", XML, CEB,
                () -> utf8(ceb311().replaceFirst("<qty>[^<]*</qty>", "<qty>many</qty>")), problem(400, "malformed-ceb", "'many'"));
        rest("ceb-unknown-element", "a CEB311 with an element the schema does not have", XML, CEB,
                () -> utf8(ceb311().replaceFirst("<orderNo>", "<discountCode>X</discountCode><orderNo>")),
                problem(400, "malformed-ceb", "discountCode"));
        rest("ceb-truncated", "a CEB311 cut in half", XML, CEB, () -> {
            String xml = ceb311();
            return utf8(xml.substring(0, xml.length() / 2));
        }, problem(400, "malformed-ceb", ""));
        cases.add(new BadInput("ceb-not-permitted", "a warehouse sending a CEB311 order",
                new Rest(CEB, Demo.WAREHOUSE_KEY, XML, null, () -> utf8(ceb311())), problem(403, "not-permitted", "CEB311")));
        rest("ceb-json", "a CEB311 sent as JSON", JSON, CEB, () -> utf8("{\"CEB311Message\": {}}"),
                problem(415, "unsupported-media-type", "application/json"));
    }

    // ---- CSV files over FTP (the warehouse's GBK stock export) ----

    private void csv() {
        stockFile("csv-zero-bytes", "a zero-byte file", () -> new byte[0], receipt("REJECTED", "empty"));
        stockFile("csv-header-only", "a header and no rows", () -> gbk(STOCK_HEADER + "\r\n"), receipt("REJECTED", "the file holds no records"));
        stockFile("csv-binary", "4 KB of random bytes", () -> {
            byte[] garbage = new byte[4096];
            new Random(7).nextBytes(garbage);
            garbage[10] = 0;
            return garbage;
        }, receipt("REJECTED", "not text"));
        stockFile("csv-nul-bytes", "a row with NUL bytes inside a cell", () -> concat(gbk(STOCK_HEADER + "\r\nQDBW01,3301960XYZ,SKU"),
                new byte[] {0, 0, 0}, gbk("-1,B1,5,件,入库,,,R1,2026/3/5 14:02\r\n")), receipt("REJECTED", "not text"));
        stockFile("csv-bell-in-cell", "a BEL character inside the reference cell", () -> gbk(STOCK_HEADER + "\r\n"
                + STOCK_ROW.replace(",R1,", ",R\u00071,") + "\r\n"), receipt("REJECTED", "CHARACTERS"));
        stockFile("csv-utf16", "the export saved as UTF-16", () -> (STOCK_HEADER + "\r\n" + STOCK_ROW + "\r\n")
                .getBytes(StandardCharsets.UTF_16LE), receipt("REJECTED", "not text"));
        stockFile("csv-utf8-not-gbk", "the export in UTF-8 where the profile says GBK", () -> utf8(STOCK_HEADER + "\r\n" + STOCK_ROW + "\r\n"),
                receipt("REJECTED", "cannot be read as GBK"));
        stockFile("csv-mixed-encodings", "a GBK file with one row pasted in UTF-8", () -> concat(gbk(STOCK_HEADER + "\r\n"),
                utf8("QDBW01,3301960XYZ,SKU-2,B2,5,件,入库,,,R2,2026/3/5 14:02\r\n")), receipt("REJECTED", "cannot be read as GBK"));
        stockFile("csv-no-header", "rows without the header row", () -> gbk(STOCK_ROW + "\r\n"), receipt("REJECTED", "header"));
        stockFile("csv-other-header", "another firm's column names", () -> gbk("a,b,c\r\n1,2,3\r\n"), receipt("REJECTED", "header"));
        stockFile("csv-semicolons", "semicolons where the profile says commas", () -> gbk(STOCK_HEADER.replace(',', ';') + "\r\n"
                + STOCK_ROW.replace(',', ';') + "\r\n"), receipt("REJECTED", "header"));
        stockFile("csv-ragged-short", "a row of three cells", () -> gbk(STOCK_HEADER + "\r\nQDBW01,3301960XYZ,SKU-3\r\n"),
                receipt("REJECTED", "RAGGED_ROW"));
        stockFile("csv-ragged-long", "a row with three cells more than the header", () -> gbk(STOCK_HEADER + "\r\n" + STOCK_ROW + ",x,y,z\r\n"),
                receipt("REJECTED", "RAGGED_ROW"));
        stockFile("csv-unclosed-quote", "a quote opened and never closed", () -> gbk(STOCK_HEADER + "\r\nQDBW01,\"3301960XYZ,SKU-4,B4,5,件,入库,,,R4,2026/3/5 14:02\r\n"),
                receipt("REJECTED", "RAGGED_ROW"));
        stockFile("csv-100k-columns", "a header of 100,000 columns", () -> {
            StringBuilder header = new StringBuilder(STOCK_HEADER);
            for (int i = 0; i < 100_000; i++) {
                header.append(",c").append(i);
            }
            return gbk(header + "\r\n" + STOCK_ROW + "\r\n");
        }, receipt("REJECTED", "the CSV structure is broken"));
        cases.add(new BadInput("csv-1gb-line", "a single line of 1 GiB",
                new FtpFile("WH-QD-01", "demo-ftp-wh-qd-01", "/inbox/stock/csv-1gb-line.csv", BadInputCorpus::oneGigabyteLine),
                receipt("REJECTED", "the CSV structure is broken")));
        stockFile("csv-negative-qty", "qty -5", () -> gbk(STOCK_HEADER + "\r\n" + STOCK_ROW.replace(",5,", ",-5,") + "\r\n"),
                receipt("REJECTED", "QTY_SIGN"));
        stockFile("csv-huge-qty", "qty 1E+30 as Excel writes it", () -> gbk(STOCK_HEADER + "\r\n" + STOCK_ROW.replace(",5,", ",1E+30,") + "\r\n"),
                receipt("REJECTED", "数量"));
        stockFile("csv-qty-formula", "a formula where qty goes", () -> gbk(STOCK_HEADER + "\r\n" + STOCK_ROW.replace(",5,", ",=1+4,") + "\r\n"),
                receipt("REJECTED", "数量"));
        stockFile("csv-date-formula", "=NOW() where the time goes", () -> gbk(STOCK_HEADER + "\r\n" + STOCK_ROW.replace("2026/3/5 14:02", "=NOW()") + "\r\n"),
                receipt("REJECTED", "发生时间"));
        stockFile("csv-impossible-date", "30 February", () -> gbk(STOCK_HEADER + "\r\n" + STOCK_ROW.replace("2026/3/5", "2026/2/30") + "\r\n"),
                receipt("REJECTED", "2026/2/30"));
        stockFile("csv-future-date", "a movement in 2099", () -> gbk(STOCK_HEADER + "\r\n" + STOCK_ROW.replace("2026/3/5", "2099/3/5") + "\r\n"),
                receipt("REJECTED", "TIME_IN_FUTURE"));
        stockFile("csv-date-garbage", "'yesterday' as the time", () -> gbk(STOCK_HEADER + "\r\n" + STOCK_ROW.replace("2026/3/5 14:02", "昨天") + "\r\n"),
                receipt("REJECTED", "昨天"));
        stockFile("csv-unknown-kind", "a kind of movement the profile does not know", () -> gbk(STOCK_HEADER + "\r\n" + STOCK_ROW.replace("入库", "借出") + "\r\n"),
                receipt("REJECTED", "业务类型"));
        stockFile("csv-unknown-unit", "a unit the profile does not know", () -> gbk(STOCK_HEADER + "\r\n" + STOCK_ROW.replace("件", "吨") + "\r\n"),
                receipt("REJECTED", "计量单位"));
        stockFile("csv-missing-sku", "a row without its SKU", () -> gbk(STOCK_HEADER + "\r\n" + STOCK_ROW.replace("SKU-1", "") + "\r\n"),
                receipt("REJECTED", "商品货号"));
        stockFile("csv-decimal-comma", "qty written 1.200,5 (European)", () -> gbk(STOCK_HEADER + "\r\n" + STOCK_ROW.replace(",5,", ",\"1.200,5\",") + "\r\n"),
                receipt("REJECTED", "数量"));
        stockFile("csv-qty-exponent", "qty written 5E2", () -> gbk(STOCK_HEADER + "\r\n" + STOCK_ROW.replace(",5,", ",5E2,") + "\r\n"),
                receipt("REJECTED", "数量"));
        stockFile("csv-long-cell", "a SKU of 100,000 characters", () -> gbk(STOCK_HEADER + "\r\n" + STOCK_ROW.replace("SKU-1", "S".repeat(100_000)) + "\r\n"),
                receipt("REJECTED", "商品货号"));
        stockFile("csv-duplicate-header", "the qty column twice", () -> gbk(STOCK_HEADER + ",数量\r\n" + STOCK_ROW + ",7\r\n"),
                receipt("REJECTED", "both hold qty"));
        cases.add(new BadInput("json-file-not-json", "a .json file holding CSV",
                new FtpFile("PLAT-01", "demo-ftp-plat-01", "/inbox/orders/json-file-not-json.json", () -> stream(utf8("a,b\r\n1,2\r\n"))),
                receipt("REJECTED", "JSON")));
        cases.add(new BadInput("json-file-nested", "a .json file of 100,000 nested arrays",
                new FtpFile("PLAT-01", "demo-ftp-plat-01", "/inbox/orders/json-file-nested.json",
                        () -> stream(utf8("[".repeat(100_000) + "]".repeat(100_000)))), receipt("REJECTED", "the JSON structure is broken")));
        cases.add(new BadInput("json-file-duplicate-key", "a .json order with orderNo twice",
                new FtpFile("PLAT-01", "demo-ftp-plat-01", "/inbox/orders/json-file-duplicate-key.json",
                        () -> stream(utf8(order("\"orderNo\": \"ORD-20261126-0001\"", "\"orderNo\": \"ORD-A\", \"orderNo\": \"ORD-B\"")))),
                receipt("REJECTED", "Duplicate field 'orderNo'")));
        cases.add(new BadInput("xml-file-xxe", "an .xml order with an external entity",
                new FtpFile("PLAT-01", "demo-ftp-plat-01", "/inbox/orders/xml-file-xxe.xml", () -> stream(utf8(
                        "<!DOCTYPE order [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><order><orderNo>&x;</orderNo></order>"))),
                receipt("REJECTED", "DOCTYPE")));
        cases.add(new BadInput("xml-file-billion-laughs", "an .xml order with nested entity expansion",
                new FtpFile("PLAT-01", "demo-ftp-plat-01", "/inbox/orders/xml-file-billion-laughs.xml", () -> stream(utf8(billionLaughs("order")))),
                receipt("REJECTED", "DOCTYPE")));
        cases.add(new BadInput("ceb-file-unknown", "a CEB999Message in the customs folder",
                new FtpFile("PLAT-01", "demo-ftp-plat-01", "/inbox/ceb/ceb-file-unknown.xml",
                        () -> stream(utf8(ceb311().replace("CEB311Message", "CEB999Message")))), receipt("CEB900", "CEB999Message")));
        cases.add(new BadInput("ceb-file-xxe", "a CEB311 file with an external entity",
                new FtpFile("PLAT-01", "demo-ftp-plat-01", "/inbox/ceb/ceb-file-xxe.xml", () -> stream(utf8(
                        "<!DOCTYPE CEB311Message [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                + ceb311().replace("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>", "")))),
                receipt("CEB900", "DOCTYPE")));
    }

    // ---- FTP behaviour ----

    private void ftp() {
        ftpAction("ftp-wrong-password", "the warehouse's user with a wrong password", "WH-QD-01", "guess",
                client -> { }, 530);
        ftpAction("ftp-other-firms-password", "the warehouse's user with the platform's password", "WH-QD-01", "demo-ftp-plat-01",
                client -> { }, 530);
        ftpAction("ftp-anonymous", "anonymous login", "anonymous", "guest@example.com", client -> { }, 530);
        ftpAction("ftp-unknown-user", "a user the park does not have", "ROOT", "root", client -> { }, 530);
        warehouseAction("ftp-dotdot-upload", "STOR /../PLAT-01/inbox/orders/x.json", client -> store(client, "/../PLAT-01/inbox/orders/x.json"), 550);
        warehouseAction("ftp-dotdot-read", "RETR ../../etc/passwd", client -> client.retrieveFile("../../etc/passwd", OutputStream.nullOutputStream()), 550);
        warehouseAction("ftp-absolute-system-path", "RETR /etc/passwd", client -> client.retrieveFile("/etc/passwd", OutputStream.nullOutputStream()), 550);
        warehouseAction("ftp-backslash-traversal", "STOR ..\\..\\PLAT-01\\x.csv", client -> store(client, "..\\..\\PLAT-01\\x.csv"), 550);
        warehouseAction("ftp-write-receipts", "STOR into receipts/", client -> store(client, "/receipts/fake.csv.receipt.csv"), 550);
        warehouseAction("ftp-write-outbox", "STOR into outbox/", client -> store(client, "/outbox/x.csv"), 550);
        warehouseAction("ftp-write-inbox-root", "STOR into inbox/ itself", client -> store(client, "/inbox/x.csv"), 550);
        warehouseAction("ftp-write-unknown-folder", "STOR into inbox/unknown/", client -> store(client, "/inbox/unknown/x.csv"), 550);
        warehouseAction("ftp-mkdir", "MKD inbox/stock/sub", client -> client.makeDirectory("/inbox/stock/sub"), 550);
        warehouseAction("ftp-delete-receipt", "DELE of its receipts folder", client -> client.removeDirectory("/receipts"), 550);
        warehouseAction("ftp-rename-out", "RNFR inbox file, RNTO another firm's home", client -> {
            store(client, "/inbox/stock/ftp-rename-out.tmp");
            client.rename("/inbox/stock/ftp-rename-out.tmp", "/../PLAT-01/inbox/orders/planted.json");
        }, 553);
        warehouseAction("ftp-read-other-firm", "RETR another firm's receipt", client ->
                client.retrieveFile("/../PLAT-01/receipts/x.receipt.csv", OutputStream.nullOutputStream()), 550);
        warehouseAction("ftp-site-command", "SITE CHMOD 777", client -> client.sendSiteCommand("CHMOD 777 /inbox"), 502);
        cases.add(new BadInput("ftp-interrupted-upload", "an upload whose connection drops halfway",
                new FtpAction("WH-QD-01", "demo-ftp-wh-qd-01", BadInputCorpus::cutUpload), receipt("INCOMPLETE", "")));
    }

    // ---- helpers ----

    private void rest(String id, String input, String contentType, Supplier<byte[]> body, Expected expected) {
        rest(id, input, contentType, ORDERS, body, expected);
    }

    private void rest(String id, String input, String contentType, String path, Supplier<byte[]> body, Expected expected) {
        cases.add(new BadInput(id, input, new Rest(path, Demo.PLATFORM_KEY, contentType, null, body), expected));
    }

    private void stockFile(String id, String input, Supplier<byte[]> content, Expected expected) {
        cases.add(new BadInput(id, input, new FtpFile("WH-QD-01", "demo-ftp-wh-qd-01", "/inbox/stock/" + id + ".csv",
                () -> stream(content.get())), expected));
    }

    private void ftpAction(String id, String input, String user, String password, BadInput.FtpStep step, int code) {
        cases.add(new BadInput(id, input, new FtpAction(user, password, step), new FtpReply(code)));
    }

    private void warehouseAction(String id, String input, BadInput.FtpStep step, int code) {
        ftpAction(id, input, "WH-QD-01", "demo-ftp-wh-qd-01", step, code);
    }

    private static void store(CuttingFtpClient client, String path) throws IOException {
        client.storeFile(path, new ByteArrayInputStream(utf8("x")));
    }

    private static void cutUpload(CuttingFtpClient client) throws IOException {
        byte[] export = gbk(STOCK_HEADER + "\r\n" + (STOCK_ROW + "\r\n").repeat(200));
        client.cutUpload("/inbox/stock/ftp-interrupted-upload.csv", Arrays.copyOf(export, export.length / 2));
    }

    private static Problem problem(int status, String type, String mentions) {
        return new Problem(status, type, mentions);
    }

    private static Receipt receipt(String summary, String mentions) {
        return new Receipt(summary, mentions);
    }

    /** The valid example order (src/test/resources/a5-order.json) with one edit (which must apply). */
    private static String order(String from, String to) {
        String order = Demo.exampleOrder();
        if (!order.contains(from)) {
            throw new IllegalArgumentException("the example order has no " + from);
        }
        return order.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
    }

    /** The example order with {@code text} replaced by raw bytes. */
    private static byte[] withBytesAt(String text, byte[] bytes) {
        String order = Demo.exampleOrder();
        int at = order.indexOf(text);
        return concat(utf8(order.substring(0, at)), bytes, utf8(order.substring(at + text.length())));
    }

    private static String paymentPaidAt(OffsetDateTime time) {
        ObjectNode payment = CanonicalMapper.json().convertValue(new ParkFixtures(11).transaction().payment(), ObjectNode.class);
        return CanonicalMapper.toJson(payment.put("payTime", time.toString()));
    }

    private static String ceb311() {
        ParkFixtures fixtures = new ParkFixtures(404);
        return CebXml.write(CebOrders.toCeb311(List.of(fixtures.transaction().order()),
                new CebTransfer("3301960ABC", "Demo Platform", "DXPENT0000000001"), OffsetDateTime.now(), ProfileSamples.PARK_ZONE));
    }

    private static String billionLaughs(String root) {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE " + root + " [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return dtd.append("]><").append(root).append(">&l10;</").append(root).append(">").toString();
    }

    /** A header, then one line of 1 GiB of letters, never held in memory. */
    private static InputStream oneGigabyteLine() {
        InputStream header = new ByteArrayInputStream(gbk(STOCK_HEADER + "\r\n"));
        InputStream line = new InputStream() {
            private long left = 1L << 30;

            @Override
            public int read() {
                return left-- > 0 ? 'A' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 'A');
                left -= n;
                return n;
            }
        };
        return new SequenceInputStream(header, line);
    }

    private static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gbk(String text) {
        return text.getBytes(GBK);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
