package org.parkhub.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeListTest {

    @Test
    void canonicalCodesMapToCustomsCodes() {
        assertThat(CodeList.CURRENCY.customsCode("CNY")).contains("142");
        assertThat(CodeList.COUNTRY.customsCode("KOR")).contains("133");
        assertThat(CodeList.COUNTRY.customsCode("USA")).contains("502");
        assertThat(CodeList.UNIT.contains("011")).isTrue();
        assertThat(CodeList.UNIT.customsCode("011")).as("units are customs codes already").isEmpty();
        assertThat(CodeList.CURRENCY.contains("XXX")).isFalse();
    }
}
