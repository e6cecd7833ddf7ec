package org.parkhub.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckDigitsTest {

    @Test
    void idCardNumbers() {
        assertThat(IdCardNumber.isValid("110101199001011237")).isTrue();
        assertThat(IdCardNumber.isValid("11010119900101123X")).isFalse();
        assertThat(IdCardNumber.isValid("110101199013011237")).as("month 13").isFalse();
        assertThat(IdCardNumber.isValid("11010119900101123")).as("17 characters").isFalse();
        assertThat(IdCardNumber.isValid("1101011990010112A7")).isFalse();
        assertThat(IdCardNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdCardNumber.isValid("11010519491231002x")).as("lower-case x").isTrue();
    }

    @Test
    void gtins() {
        assertThat(Gtin.isValid("4006381333931")).isTrue();
        assertThat(Gtin.isValid("4006381333932")).isFalse();
        assertThat(Gtin.isValid("96385074")).isTrue();
        assertThat(Gtin.isValid("400638133393")).isFalse();
        assertThat(Gtin.isValid("40063813339A1")).isFalse();
    }

    @Test
    void moneyAtTwoPlaces() {
        assertThat(Money.sameAmount(new java.math.BigDecimal("99.999"), new java.math.BigDecimal("100"))).isTrue();
        assertThat(Money.sameAmount(new java.math.BigDecimal("226.93"), new java.math.BigDecimal("226.94"))).isFalse();
    }
}
