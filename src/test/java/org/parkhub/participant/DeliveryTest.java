package org.parkhub.participant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A participant's delivery settings are checked when the participants file is read. */
class DeliveryTest {

    @Test
    void aWebhookNeedsAnHttpUrlASecretAndAFormatItCanBeSentIn() {
        assertThat(new Delivery("webhook", "json", "https://firm.example/hook", "0123456789abcdef", 5, null, null).problem()).isNull();
        assertThat(new Delivery("webhook", "json", "ftp://firm.example/hook", "0123456789abcdef", null, null, null).problem())
                .contains("http(s) url");
        assertThat(new Delivery("webhook", "json", "https://firm.example/hook", "short", null, null, null).problem())
                .contains("at least 16 characters");
        assertThat(new Delivery("webhook", "csv", "https://firm.example/hook", "0123456789abcdef", null, null, null).problem())
                .contains("json, xml or ceb-xml");
        assertThat(new Delivery("webhook", "json", "https://firm.example/hook", "0123456789abcdef", 0, null, null).problem())
                .contains("maxAttempts");
    }

    @Test
    void anFtpOutboxTakesAnyFormatAndPositiveBatches() {
        assertThat(new Delivery("ftp", "csv", null, null, null, 200, 30).problem()).isNull();
        assertThat(new Delivery("ftp", "ceb-xml", null, null, null, null, null).problem()).isNull();
        assertThat(new Delivery("ftp", "csv", null, null, null, 0, null).problem()).contains("at least 1");
    }

    @Test
    void unknownChannelsAndFormatsAreRefused() {
        assertThat(new Delivery("fax", "json", null, null, null, null, null).problem()).contains("queue, ftp or webhook");
        assertThat(new Delivery("queue", "pdf", null, null, null, null, null).problem()).contains("json, xml, csv or ceb-xml");
        assertThat(Delivery.defaultQueue().problem()).isNull();
    }

    @Test
    void theSecretNeverShowsInLogs() {
        assertThat(new Delivery("webhook", "json", "https://firm.example/hook", "0123456789abcdef", null, null, null).toString())
                .doesNotContain("0123456789abcdef").contains("secret=***");
    }
}
