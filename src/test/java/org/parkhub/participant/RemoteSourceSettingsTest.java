package org.parkhub.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a participant's remote source may say: no secret in clear (sources are stored in the database), no bean or class
 * references, local directories only under the park's roots.
 */
class RemoteSourceSettingsTest {

    private static RemoteSource source(String uri) {
        return new RemoteSource("stock", uri, "file:/mnt/share/receipts");
    }

    @Test
    void passwordsGivenAsPlaceholdersAreTaken() {
        assertThat(source("sftp://wms@host/export?password={{env:WMS_SFTP_PASSWORD}}&strictHostKeyChecking=yes").problem()).isNull();
        assertThat(source("ftp://host/export?username=wms&password={{wms.password}}").problem()).isNull();
        assertThat(source("ftps://wms:{{env:WMS_PASSWORD}}@host/export").problem()).isNull();
        assertThat(source("sftp://wms@host/export?privateKeyFile=/etc/parkhub/wms.key").problem()).isNull();
        assertThat(source("file:/mnt/share/export").problem()).isNull();
    }

    @Test
    void aSecretInClearIsRefusedByName() {
        assertThat(source("ftp://host/export?username=wms&password=wms-secret").problem())
                .contains("password must be a placeholder such as {{env:WMS_SFTP_PASSWORD}}")
                .doesNotContain("wms-secret");
        assertThat(source("sftp://wms@host/export?binary=true&privateKeyPassphrase=open-sesame").problem())
                .contains("privateKeyPassphrase must be a placeholder");
        assertThat(source("ftp://host/export?password=prefix-{{env:X}}").problem()).as("only a whole placeholder")
                .contains("password must be a placeholder");
        assertThat(source("ftp://wms:wms-secret@host/export").problem()).contains("login password must be a placeholder")
                .doesNotContain("wms-secret");
        assertThat(new RemoteSource("stock", "file:/mnt/share/export", "ftp://host/receipts?password=wms-secret").problem())
                .as("the receipts URI too").contains("password must be a placeholder");
    }

    @Test
    void incompleteOrForeignSourcesAreRefused() {
        assertThat(new RemoteSource("stock", null, "file:/r").problem()).contains("needs folder, uri and receipts");
        assertThat(source("http://host/export").problem()).contains("must be ftp://, ftps://, sftp:// or file: URIs");
        assertThat(source("bean:exporter").problem()).contains("not bean:");
        assertThat(source("file:export").problem()).contains("absolute");
        assertThat(source("file:/mnt/share/../../etc").problem()).contains("without '..'");
    }

    @Test
    void optionsAreValuesNeverBeansOrClassesAndTakenFilesStayInTheDirectory() {
        assertThat(source("file:/mnt/share/export?exclusiveReadLockStrategy=#class:org.example.Evil").problem())
                .contains("exclusiveReadLockStrategy may not refer to a bean or class (#class...)");
        assertThat(source("ftp://host/export?filter=%23myFilter").problem()).as("encoded").contains("filter may not refer");
        assertThat(source("file:/mnt/share/export?move=/etc/cron.d").problem()).contains("move must stay inside");
        assertThat(source("file:/mnt/share/export?preMove=../../elsewhere").problem()).contains("preMove must stay inside");
        assertThat(source("file:/mnt/share/export?move=done/${date:now:yyyyMMdd}").problem()).isNull();
    }

    @Test
    void fileSourcesLieUnderTheParksRoots(@TempDir Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("sources"));
        Files.createDirectories(root.resolve("wms/export"));
        Files.createSymbolicLink(root.resolve("escape"), Path.of("/etc"));
        RemoteSource inside = new RemoteSource("stock", "file:" + root.resolve("wms/export"), "file:" + root.resolve("wms/receipts"));
        assertThat(inside.outsideRoots(List.of(root))).isEmpty();
        assertThat(new RemoteSource("stock", "ftp://host/export", "sftp://host/receipts").outsideRoots(List.of()))
                .as("remote sources need no root").isEmpty();
        assertThat(new RemoteSource("stock", "file:/etc", "file:" + root.resolve("r")).outsideRoots(List.of(root))).get()
                .asString().contains("parkhub.sources.file-roots").contains("/etc");
        assertThat(new RemoteSource("stock", "file:" + root.resolve("escape"), "file:" + root.resolve("r"))
                .outsideRoots(List.of(root))).as("a link out of the root").isPresent();
        assertThat(inside.outsideRoots(List.of())).get().asString().contains("none set");
    }

    @Test
    void theAuditSeesWhereASourcePollsWithSecretsMasked() {
        assertThat(new RemoteSource("stock", "ftp://wms:hunter2-secret@host/export?password=also-secret&binary=true",
                "file:/mnt/r").describe()).isEqualTo("stock: ftp://wms:***@host/export?password=***&binary=true -> file:/mnt/r");
        assertThat(source("sftp://wms@host/export?password={{env:WMS_PASSWORD}}").describe())
                .contains("password={{env:WMS_PASSWORD}}");
    }
}
