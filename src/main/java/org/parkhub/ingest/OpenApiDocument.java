package org.parkhub.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.camel.Exchange;
import org.parkhub.http.HttpReply;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.MessageType;

/**
 * {@code GET /api/v1/openapi.json}: the API description (openapi/parkhub-api.yaml) with the published
 * canonical schemas (schemas/canonical, JSON Schema 2020-12, which OpenAPI 3.1 takes as they are) filled
 * into its components. A test keeps the paths and the REST routes in step.
 */
public class OpenApiDocument {

    private final String json;

    public OpenApiDocument(Path schemasDir) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi/parkhub-api.yaml")) {
            ObjectNode document = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(in);
            ObjectNode schemas = (ObjectNode) document.path("components").path("schemas");
            List<JsonNode> payloads = new ArrayList<>();
            for (MessageType type : MessageType.values()) {
                ObjectNode schema = (ObjectNode) CanonicalMapper.json().readTree(
                        Files.readString(schemasDir.resolve(type.path() + ".schema.json")));
                schema.remove("$schema"); // the document's dialect is 2020-12 already; $id keeps inner $refs local
                String name = type.payloadClass().getSimpleName();
                schemas.set(name, schema);
                payloads.add(CanonicalMapper.json().createObjectNode().put("$ref", "#/components/schemas/" + name));
            }
            schemas.set("AnyCanonicalPayload", CanonicalMapper.json().createObjectNode()
                    .set("oneOf", CanonicalMapper.json().valueToTree(payloads)));
            json = CanonicalMapper.toJson(document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the OpenAPI document", e);
        }
    }

    public void serve(Exchange exchange) {
        HttpReply.write(exchange, 200, "application/json", json);
    }
}
