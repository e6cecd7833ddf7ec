package org.parkhub.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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

    /** A customs document's codes are read back through the list: two codes under one customs code would be a guess. */
    @ParameterizedTest
    @EnumSource(CodeList.class)
    void everyCodeIsReadBackFromItsCustomsCode(CodeList list) {
        assertThat(list.codes()).isNotEmpty();
        for (String code : list.codes()) {
            list.customsCode(code).ifPresent(customs ->
                    assertThat(list.fromCustomsCode(customs)).as(list + " " + customs).contains(code));
        }
    }
}
