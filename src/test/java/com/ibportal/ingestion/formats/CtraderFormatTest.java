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

class CtraderFormatTest {

    private static final FormatContext CONTEXT = FormatContext.builder().serverId("ct-live").accountCurrency("EUR")
            .ctraderSymbol(1, "EURUSD").unitsPerLot("EURUSD", "100000").clientId("5550123", "C-9").build();

    private final CtraderFormat format = new CtraderFormat();

    @Test
    void mapsAClosingDealWithLotsFromCentsOfUnitsAndMoneyFromMoneyDigits() {
        List<CanonicalEvent> events = format.map(Fixtures.read("ctrader/deal-list.json"), CONTEXT);

        assertThat(events).as("the opening deal and the rejected deal produce nothing").singleElement()
                .satisfies(event -> {
                    assertThat(event.id()).isEqualTo("ct-live:deal:880002");
                    assertThat(event.clientId()).isEqualTo("C-9");
                    // cTrader timestamps are UTC milliseconds, unlike MT5's server clock.
                    // closedVolume 25,000,000 cents of units / (100,000 units × 100) = 2.5 lots; 47500 / 10^2 = 475.00
                    assertThat(event.data()).isEqualTo(new EventData.TradeClosed("880002", "5550123",
                            Platform.CTRADER, "EURUSD", new BigDecimal("2.5"),
                            Instant.parse("2024-03-04T07:56:40.120Z"), Instant.parse("2024-03-04T09:55:22.417Z"), null,
                            new BigDecimal("475.00"), new BigDecimal("-1.20"), new BigDecimal("-7.00"),
                            CurrencyCode.of("EUR")));
                });
    }

    @Test
    void mapsDepositsAndWithdrawalsAndIgnoresOtherBalanceOperations() {
        List<CanonicalEvent> events = format.map(Fixtures.read("ctrader/cash-flow.json"), CONTEXT);

        assertThat(events).extracting(CanonicalEvent::id).containsExactly("ct-live:balance:990001", "ct-live:balance:990002");
        assertThat(events.get(0).data()).isEqualTo(new EventData.DepositCompleted("990001", new BigDecimal("1000.00"),
                CurrencyCode.of("EUR"), "5550123"));
        assertThat(events.get(1).data()).isEqualTo(new EventData.WithdrawalCompleted("990002", new BigDecimal("300.00"),
                CurrencyCode.of("EUR"), "5550123"));
        assertThat(events.get(1).occurredAt()).isEqualTo(Instant.parse("2024-03-05T00:53:20Z"));
    }

    @Test
    void acceptsABareDealThatCarriesItsAccount() {
        JsonNode deal = Fixtures.read("ctrader/deal-list.json").get("deal").get(1).deepCopy();
        ((ObjectNode) deal).put("ctidTraderAccountId", 5550123);
        FormatContext remembering = FormatContext.builder().serverId("ct-live").accountCurrency("EUR")
                .ctraderSymbol(1, "EURUSD").unitsPerLot("EURUSD", "100000")
                .positionOpenings((login, position) -> java.util.Optional.of(Instant.parse("2024-03-04T05:00:00Z")))
                .build();

        assertThat(format.map(deal, remembering)).extracting(CanonicalEvent::id).containsExactly("ct-live:deal:880002");
    }

    @Test
    void namesTheSymbolIdWithoutAName() {
        FormatContext unnamed = FormatContext.builder().serverId("ct-live").accountCurrency("EUR").build();

        assertThatThrownBy(() -> format.map(Fixtures.read("ctrader/deal-list.json"), unnamed))
                .hasMessage("deal[1].symbolId: no symbol name is configured for symbolId 1; add it to the connector's "
                        + "ctraderSymbolNames");
    }

    @Test
    void namesTheInstrumentWithoutALotSize() {
        FormatContext noLotSize = FormatContext.builder().serverId("ct-live").accountCurrency("EUR")
                .ctraderSymbol(1, "EURUSD").build();

        assertThatThrownBy(() -> format.map(Fixtures.read("ctrader/deal-list.json"), noLotSize))
                .hasMessageContaining("instrument \"EURUSD\"");
    }

    @Test
    void refusesADealWithoutAccount() {
        JsonNode deal = Fixtures.read("ctrader/deal-list.json").get("deal").get(1);

        assertThatThrownBy(() -> format.map(deal, CONTEXT)).hasMessage("ctidTraderAccountId: is required");
    }
}
