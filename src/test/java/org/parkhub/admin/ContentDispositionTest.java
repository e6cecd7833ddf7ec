package org.parkhub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Receipt downloads keep a Chinese name, and no name can break the header (RFC 6266 with RFC 8187). */
class ContentDispositionTest {

    @Test
    void aChineseNameTravelsAsUtf8WithAnAsciiFallback() {
        assertThat(ContentDisposition.attachment("库存 2026.csv.receipt.csv")).isEqualTo(
                "attachment; filename=\"__ 2026.csv.receipt.csv\"; filename*=UTF-8''%E5%BA%93%E5%AD%98%202026.csv.receipt.csv");
    }

    @Test
    void quotesBackslashesAndLineBreaksCannotEndTheHeaderOrAddAnother() {
        String header = ContentDisposition.attachment("a\"; filename=evil.exe\r\nSet-Cookie: x=1\\.csv");
        assertThat(header).doesNotContain("\r").doesNotContain("\n")
                .startsWith("attachment; filename=\"a_; filename=evil.exe__Set-Cookie: x=1_.csv\"; filename*=UTF-8''a%22%3B%20");
    }
}
