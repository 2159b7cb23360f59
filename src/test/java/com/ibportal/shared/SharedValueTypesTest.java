package com.ibportal.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedValueTypesTest {

    @ParameterizedTest
    @ValueSource(strings = {"usd", "US", "USDT", "U1D", ""})
    void aCurrencyCodeIsThreeUpperCaseLetters(String code) {
        assertThatThrownBy(() -> CurrencyCode.of(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lotsAreNeverNegative() {
        assertThatThrownBy(() -> Lots.of("-0.01")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Lots.of("0")).isEqualTo(Lots.ZERO);
    }

    @Test
    void lotsAndMoneyAreEqualByValueWhateverTheScale() {
        assertThat(Lots.of("2.5")).isEqualTo(Lots.of("2.50")).hasSameHashCodeAs(Lots.of("2.50"));
        assertThat(Money.of("10.0", "USD")).isEqualTo(Money.of("10.00", "USD")).hasSameHashCodeAs(Money.of("10", "USD"));
        assertThat(Money.of("10.00", "USD")).isNotEqualTo(Money.of("10.00", "EUR"));
    }

    @Test
    void lotsAddUpExactly() {
        assertThat(Lots.of("0.60").plus(Lots.of("0.50")).value()).isEqualTo(new BigDecimal("1.10"));
    }

    @Test
    void valueTypesPrintAsTheyAreWritten() {
        assertThat(Money.of("65.00", "EUR")).hasToString("65.00 EUR");
        assertThat(Lots.of("2.50")).hasToString("2.50");
    }
}
