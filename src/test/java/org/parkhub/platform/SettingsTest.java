package org.parkhub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.parkhub.config.Setting;
import org.parkhub.config.SettingValues;
import org.parkhub.ftp.FtpSettings;

/** Settings are declared once: the docs' table, the shipped configuration and the routes agree with the declarations. */
class SettingsTest {

    private static final Path OPERATIONS = Path.of("docs/operations.md");

    private static List<Setting> declared() {
        return HubSettings.GROUPS.stream().flatMap(group -> group.settings().stream()).toList();
    }

    @Test
    void theOperationsGuideShowsTheDeclaredSettings() throws IOException {
        String document = Files.readString(OPERATIONS, StandardCharsets.UTF_8);
        assertThat(document)
                .as("docs/operations.md is out of date: run java -cp target/classes org.parkhub.platform.SettingsTable")
                .isEqualTo(SettingsTable.writtenInto(document));
        declared().forEach(setting -> assertThat(document).contains("`" + setting.property() + "`"));
    }

    @Test
    void everyKeyIsDeclaredOnce() {
        List<String> keys = declared().stream().map(Setting::key).toList();
        assertThat(keys).doesNotHaveDuplicates().hasSizeGreaterThan(60);
        declared().forEach(setting -> assertThat(setting.description()).as(setting.key()).isNotBlank());
    }

    @Test
    void everySettingTheConfigurationAndRoutesUseIsDeclared() throws IOException {
        Set<String> declared = HubSettings.defaults().stringPropertyNames();
        Pattern placeholder = Pattern.compile("\\{\\{(parkhub\\.[a-z0-9.-]+)}}");
        List<Path> files;
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            files = Stream.concat(Stream.of(Path.of("config/application.properties")), routes).toList();
        }
        int used = 0;
        for (Path file : files) {
            Matcher matcher = placeholder.matcher(read(file));
            while (matcher.find()) {
                assertThat(declared).as(file + " uses " + matcher.group(1)).contains(matcher.group(1));
                used++;
            }
        }
        assertThat(used).isGreaterThan(5);
    }

    @Test
    void theShippedConfigurationRepeatsNoDefault() throws IOException {
        assertThat(Files.readAllLines(Path.of("config/application.properties")))
                .noneMatch(line -> line.trim().startsWith(Setting.PREFIX));
    }

    @Test
    void withNothingGivenEachStageGetsTheDeclaredDefaults() {
        HubSettings settings = HubSettings.from(SettingValues.of(Map.of()));
        assertThat(settings.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(settings.ftp().port()).isEqualTo(Integer.parseInt(FtpSettings.PORT.defaultValue()));
        assertThat(settings.ftp().maxUploadBytes()).isEqualTo(4096L * 1024 * 1024);
        assertThat(settings.deliveries().retryMax()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.guessing().consoleMaxFailures()).isEqualTo(5);
        assertThat(settings.participants().secretsKeyFile()).isEqualTo(Path.of("./data/secrets.key"));
        assertThat(settings.files().sourceFileRoots()).isEmpty();
        assertThat(settings.database().embedded()).isTrue();
        assertThat(settings.alerts().silenceOf()).isEmpty();
    }

    @Test
    void givenValuesWinAndPerFirmValuesAreRead() {
        HubSettings settings = HubSettings.from(SettingValues.of(Map.of(
                "parkhub.data-dir", "/srv/hub",
                "parkhub.ftp.port", " 21 ",
                "parkhub.sources.file-roots", "/srv/drop, /srv/other,",
                "parkhub.alerts.silent-minutes.WH-01", "30",
                "parkhub.broker.url", "tcp://mq1:61616")));
        assertThat(settings.ftp().port()).isEqualTo(21);
        assertThat(settings.files().sourceFileRoots()).containsExactly(Path.of("/srv/drop"), Path.of("/srv/other"));
        assertThat(settings.alerts().silenceOf()).containsEntry("WH-01", Duration.ofMinutes(30));
        assertThat(settings.participants().secretsKeyFile()).isEqualTo(Path.of("/srv/hub/secrets.key"));
        assertThat(settings.broker().embedded()).isFalse();
    }

    @Test
    void aValueThatDoesNotParseNamesItsSettingAndWhatWasExpected() {
        assertThatThrownBy(() -> HubSettings.from(SettingValues.of(Map.of("parkhub.ftp.port", "21a"))))
                .hasMessage("parkhub.ftp.port = '21a' is not a whole number");
        assertThatThrownBy(() -> HubSettings.from(SettingValues.of(Map.of("parkhub.admin.secure-cookie", "yes"))))
                .hasMessage("parkhub.admin.secure-cookie = 'yes' is not true or false");
        assertThatThrownBy(() -> HubSettings.from(SettingValues.of(Map.of("parkhub.alerts.silent-minutes.WH-01", "1h"))))
                .hasMessage("parkhub.alerts.silent-minutes.WH-01 = '1h' is not a whole number");
    }

    @Test
    void anUnknownKeyIsNamedButPerFirmKeysAndOtherPrefixesAreNot() {
        assertThat(HubSettings.undeclared(Set.of("parkhub.ftp.prot", "parkhub.ftp.port", "camel.server.port",
                "parkhub.alerts.silent-minutes.WH-01", "parkhub.guessing.max-failure")))
                .containsExactly("parkhub.ftp.prot", "parkhub.guessing.max-failure");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
