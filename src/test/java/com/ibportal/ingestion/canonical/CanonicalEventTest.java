package com.ibportal.ingestion.canonical;

import com.ibportal.shared.CurrencyCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class CanonicalEventTest {

    private static final Instant OPENED = Instant.parse("2026-10-02T05:56:40Z");
    private static final Instant CLOSED = Instant.parse("2026-10-02T07:55:22Z");

    @Test
    void aTradeReportsAllItsBrokenInvariantsAtOnce() {
        assertThatThrownBy(() -> new EventData.TradeClosed(" ", "1020", null, "XAUUSD", new BigDecimal("-1"), CLOSED,
                OPENED, null, null, null, null, CurrencyCode.of("USD")))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.errors())
                        .extracting(FieldError::field).containsExactly("dealId", "platform", "lots", "closedAt"));
    }

    @Test
    void anEventTakesItsTypeFromItsData() {
        CanonicalEvent event = CanonicalEvent.of("crm-1", CLOSED, "C-1", new EventData.DepositChargedBack("D-1"));

        assertThat(event.type()).isEqualTo(EventType.DEPOSIT_CHARGED_BACK);
    }

    @Test
    void refusesDataOfAnotherType() {
        assertThatThrownBy(() -> new CanonicalEvent("crm-1", EventType.TRADE_CLOSED, CLOSED, "C-1",
                new EventData.KycChanged(KycStatus.PENDING)))
                .hasMessage("data: holds client.kyc_changed data but type is trade.closed");
    }

    @Test
    void aCurrencyIsThreeUpperCaseLetters() {
        assertThat(CurrencyCode.of("EUR").code()).isEqualTo("EUR");
        assertThatThrownBy(() -> CurrencyCode.of("eur")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CurrencyCode.of("EURO")).isInstanceOf(IllegalArgumentException.class);
    }
}
