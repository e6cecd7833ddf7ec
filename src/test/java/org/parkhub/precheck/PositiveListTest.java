package org.parkhub.precheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The positive list by edition: tariff lines cover their codes, an edition applies from its day. */
class PositiveListTest {

    static final Path SHIPPED = Path.of("config/customs/positive-list.yaml");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void aTariffLineCoversItsCodesWithTheListsNote() throws Exception {
        PositiveList list = PositiveList.load(SHIPPED);
        assertThat(list.find("3304990099", TODAY)).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo("33049900");
            assertThat(e.note()).isEqualTo("其他美容品或化妆品");
        });
        // a laptop is not a retail import good
        assertThat(list.find("8471300000", TODAY)).isEmpty();
        assertThat(list.find(null, TODAY)).isEmpty();
    }

    @Test
    void aNewEditionAppliesFromItsDayWithoutARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("positive-list.yaml");
        Files.copy(SHIPPED, file);
        PositiveList list = PositiveList.load(file);
        Files.writeString(file, Files.readString(file) + """
                  - from: 2027-01-01
                    name: 2027 edition
                    codes: {"8471300000": "便携式电脑（示例）"}
                """);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
        assertThat(list.find("8471300000", LocalDate.of(2027, 1, 1))).isPresent();
        assertThat(list.editionOn(LocalDate.of(2027, 1, 1))).isEqualTo("2027 edition");
        assertThat(list.find("8471300000", TODAY)).as("the edition of the transaction's day decides").isEmpty();
    }

    @Test
    void aCodeThatIsNotATariffLineIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("positive-list.yaml");
        Files.writeString(file, "editions:\n  - from: 2022-03-01\n    name: broken\n    codes: {\"3304\": \"too short\"}\n");
        assertThatThrownBy(() -> PositiveList.load(file)).hasMessageContaining("'3304' is not an 8-digit tariff line");
    }
}
