package com.ibportal.ingestion.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.ibportal.shared.CurrencyCode;

class FormatContextTest {

    @Test
    void defaultsToUtcLeadSourceAndNoKnownOpenings() {
        FormatContext context = FormatContext.builder().build();

        assertThat(context.serverZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(context.referralCodeField()).isEqualTo("LeadSource");
        assertThat(context.positionOpenings().openedAt("1020", "1")).isEmpty();
    }

    @Test
    void aLoginWithoutMappedClientIsItsOwnClientAndAPerAccountCurrencyWins() {
        FormatContext context = FormatContext.builder().clientId("1020", "C-1").accountCurrency("USD")
                .accountCurrency("2040", "EUR").build();

        assertThat(context.clientIdOf("1020")).isEqualTo("C-1");
        assertThat(context.clientIdOf("3000")).isEqualTo("3000");
        assertThat(context.currencyOf("2040")).contains(CurrencyCode.of("EUR"));
        assertThat(context.currencyOf("3000")).contains(CurrencyCode.of("USD"));
    }

    @Test
    void refusesAServerIdThatCouldNotPrefixAnEventId() {
        assertThatThrownBy(() -> FormatContext.builder().serverId("mt5:live").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FormatContext.builder().serverId("x".repeat(65)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FormatContext.builder().unitsPerLot("EURUSD", "0").build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
