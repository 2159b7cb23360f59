package com.ibportal.ingestion.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.ibportal.ingestion.canonical.CanonicalEvent;
import com.ibportal.shared.CurrencyCode;
import com.ibportal.ingestion.canonical.EventData;
import com.ibportal.ingestion.canonical.Fixtures;
import com.ibportal.ingestion.canonical.Platform;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class MatchTraderFormatTest {

    private static final FormatContext CONTEXT = FormatContext.builder().serverId("mtr").accountCurrency("USD").build();

    private final MatchTraderFormat format = new MatchTraderFormat();

    @Test
    void mapsClosedPositionsWithLotsAsSent() {
        List<CanonicalEvent> events = format.map(Fixtures.read("matchtrader/closed-positions.json"), CONTEXT);

        assertThat(events.get(0).id()).isEqualTo("mtr:position:f3c1a2de-0001");
        assertThat(events.get(0).data()).isEqualTo(new EventData.TradeClosed("f3c1a2de-0001", "300145",
                Platform.MATCHTRADER, "EURUSD", new BigDecimal("0.75"), Instant.parse("2024-03-04T05:56:40.120Z"),
                Instant.parse("2024-03-04T07:55:22Z"), null, new BigDecimal("142.50"), new BigDecimal("-0.90"),
                new BigDecimal("-5.25"), CurrencyCode.of("USD")));
        EventData.TradeClosed second = (EventData.TradeClosed) events.get(1).data();
        assertThat(second.lots()).isEqualTo(new BigDecimal("0.1"));
        assertThat(second.closedAt()).as("an RFC 3339 offset is normalised").isEqualTo(Instant.parse("2024-03-04T08:30:00Z"));
        assertThat(second.currency()).as("a position's own currency wins").isEqualTo(CurrencyCode.of("EUR"));
    }

    @Test
    void mapsDepositAndWithdrawalLedgersAndIgnoresCreditAndAgentCommission() {
        List<CanonicalEvent> events = format.map(Fixtures.read("matchtrader/ledgers.json"), CONTEXT);

        assertThat(events).extracting(CanonicalEvent::id).containsExactly("mtr:ledger:led-1001", "mtr:ledger:led-1004");
        assertThat(events.get(1).data()).isEqualTo(new EventData.WithdrawalCompleted("led-1004",
                new BigDecimal("250.00"), CurrencyCode.of("USD"), "300145"));
    }

    @Test
    void namesANonRfc3339Time() {
        JsonNode payload = Fixtures.read("matchtrader/closed-positions.json").deepCopy();
        ((ObjectNode) payload.get(0)).put("close_time", "2024-03-04 07:55:22");

        assertThatThrownBy(() -> format.map(payload, CONTEXT)).hasMessageStartingWith("[0].close_time: must be an ISO-8601");
    }
}
