package org.parkhub.participant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a participant's remote source may say: no secret in clear, since sources are stored in the database. */
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
        assertThat(source("http://host/export").problem()).contains("must be [ftp:, ftps:, sftp:, file:] URIs");
    }
}
