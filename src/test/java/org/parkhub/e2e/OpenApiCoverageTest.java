package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parkhub.model.MessageType;
import org.parkhub.support.RunningHub;

/** The OpenAPI document and the REST routes describe the same API: neither has an endpoint the other lacks. */
class OpenApiCoverageTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RunningHub hub = RunningHub.perClass();
    static JsonNode document;

    @BeforeAll
    static void start() throws Exception {
        var response = hub.get("/api/v1/openapi.json", null);
        assertThat(response.statusCode()).isEqualTo(200);
        document = JSON.readTree(response.body());
    }

    @Test
    void everyRouteIsDescribedAndEveryDescriptionIsARoute() {
        Set<String> routes = hub.context().getRestRegistry().listAllRestServices().stream()
                .map(s -> s.getMethod().toUpperCase(Locale.ROOT) + " " + join(s.getBasePath(), s.getUriTemplate()))
                .collect(Collectors.toSet());
        Set<String> described = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
        }
        assertThat(described).as("OpenAPI paths").containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void everyReferenceResolvesAndEveryCanonicalPayloadIsThere() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.at("/components/schemas/Order/properties/actualPaid").isObject()).isTrue();
        assertThat(document.at("/components/schemas/AnyCanonicalPayload/oneOf")).hasSize(MessageType.values().length);
    }

    @Test
    void everyErrorStatusTheApiAnswersIsDescribed() {
        JsonNode post = document.at("/paths/~1api~1v1~1messages~1{type}/post/responses");
        for (String status : List.of("202", "207", "400", "401", "403", "404", "409", "413", "415", "422", "429")) {
            assertThat(post.has(status)).as("POST answers " + status).isTrue();
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.asText().startsWith("#/components/")) {
                refs.add(ref.asText());
            }
            node.elements().forEachRemaining(child -> collectRefs(child, refs));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectRefs(child, refs));
        }
    }

    private static String join(String basePath, String uriTemplate) {
        return (basePath == null ? "" : basePath) + (uriTemplate == null ? "" : uriTemplate);
    }
}
