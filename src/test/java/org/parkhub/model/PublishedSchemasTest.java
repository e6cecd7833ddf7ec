package org.parkhub.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parkhub.model.schema.CanonicalSchemas;

/**
 * The published schemas are generated from the records: this test fails when a record changed and the
 * schemas under schemas/canonical were not regenerated. Regenerate with
 * {@code mvn -q test -Dtest=PublishedSchemasTest -Dparkhub.schemas.write=true}.
 */
class PublishedSchemasTest {

    static final Path DIR = Path.of("schemas/canonical");

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void jsonSchemaMatchesTheRecords(MessageType type) throws IOException {
        check(DIR.resolve(type.path() + ".schema.json"), CanonicalSchemas.jsonSchema(type));
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void xsdMatchesTheRecords(MessageType type) throws IOException {
        check(DIR.resolve(type.path() + ".xsd"), CanonicalSchemas.xsd(type));
    }

    private static void check(Path file, String generated) throws IOException {
        if (Boolean.getBoolean("parkhub.schemas.write")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        assertThat(file).as("published schema %s (regenerate: see class comment)", file).exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(generated);
    }
}
