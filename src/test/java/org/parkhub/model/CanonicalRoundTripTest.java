package org.parkhub.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.Transaction;

/** Every payload type: record -> JSON/XML -> valid against its published schema -> the same record. */
class CanonicalRoundTripTest {

    static Stream<Record> samples() {
        ParkFixtures fixtures = new ParkFixtures(7);
        Transaction t = fixtures.transaction();
        InventoryDeclaration declaration = fixtures.declaration(t);
        return Stream.of(fixtures.product(), fixtures.stockReceipt(fixtures.product(), 24), t.order(), t.payment(),
                t.waybill(), t.events().get(2), declaration, fixtures.cancellation(declaration, "42272026I000000001"),
                fixtures.refund(declaration, "42272026I000000001"), fixtures.warehouseInList(List.of(t.waybill())),
                fixtures.orderReceipt(t.order(), 120), fixtures.taxBill(declaration, "42272026I000000001"),
                fixtures.precheckResult(t));
    }

    @Test
    void samplesCoverEveryType() {
        assertThat(samples().map(MessageType::of)).containsExactlyInAnyOrder(MessageType.values());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void jsonRoundTripThroughTheSchema(Record record) throws IOException {
        MessageType type = MessageType.of(record);
        String json = CanonicalMapper.toJson(record);
        JsonNode tree = CanonicalMapper.json().readTree(json);
        Set<ValidationMessage> problems = jsonSchema(type).validate(tree);
        assertThat(problems).as(json).isEmpty();
        assertThat(CanonicalMapper.json().readValue(json, type.payloadClass())).isEqualTo(record);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void xmlRoundTripThroughTheSchema(Record record) throws Exception {
        MessageType type = MessageType.of(record);
        String xml = CanonicalMapper.xml().writeValueAsString(record);
        xsdValidator(type).validate(new StreamSource(new StringReader(xml)));
        assertThat(CanonicalMapper.xml().readValue(xml, type.payloadClass())).isEqualTo(record);
    }

    @Test
    void jsonSchemaRejectsWhatTheModelRejects() throws IOException {
        Order order = new ParkFixtures(3).transaction().order();
        JsonNode tree = CanonicalMapper.json().valueToTree(order);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put("actualPaid", "12.345678");
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put("surprise", "x");
        assertThat(jsonSchema(MessageType.ORDER).validate(tree)).extracting(ValidationMessage::getType)
                .contains("pattern", "additionalProperties");
    }

    @Test
    void xmlWithADoctypeIsRefused() {
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE order [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<order><orderNo>&x;</orderNo></order>";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CanonicalMapper.xml().readValue(evil, Order.class))
                .isInstanceOf(IOException.class);
    }

    /** JSON Schema 2020-12 knowing parkhub's annotation of a type's document identity (it validates nothing). */
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            factory -> factory.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .keyword(new NonValidationKeyword("x-parkhub-identity")).build()));

    private static JsonSchema jsonSchema(MessageType type) throws IOException {
        try (InputStream in = Files.newInputStream(PublishedSchemasTest.DIR.resolve(type.path() + ".schema.json"))) {
            return SCHEMAS.getSchema(in);
        }
    }

    private static Validator xsdValidator(MessageType type) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        Validator validator = factory.newSchema(PublishedSchemasTest.DIR.resolve(type.path() + ".xsd").toFile()).newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return validator;
    }
}
