package org.parkhub.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The demo park's participants file with some firms' deliveries changed, for a hub started on it. */
public final class DemoPark {

    private DemoPark() {
    }

    /** Writes config/participants.yaml with the given deliveries (by participant id) into {@code dir}; its path. */
    public static Path withDeliveries(Path dir, Map<String, Map<String, Object>> deliveries) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode park = yaml.readTree(Path.of("config/participants.yaml").toFile());
        for (JsonNode participant : park.path("participants")) {
            Map<String, Object> delivery = deliveries.get(participant.path("id").asText());
            if (delivery != null) {
                ((ObjectNode) participant).set("delivery", yaml.valueToTree(delivery));
            }
        }
        Path file = dir.resolve("participants.yaml");
        yaml.writeValue(file.toFile(), park);
        return file;
    }
}
