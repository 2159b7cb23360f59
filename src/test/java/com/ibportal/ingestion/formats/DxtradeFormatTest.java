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
import com.ibportal.ingestion.canonical.FieldError;
import com.ibportal.ingestion.canonical.Fixtures;
import com.ibportal.ingestion.canonical.Platform;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class DxtradeFormatTest {

    private static final FormatContext CONTEXT = FormatContext.builder().serverId("dx").accountCurrency("USD")
            .unitsPerLot("EUR/USD", "100000").unitsPerLot("XAU/USD", "100")
            .positionOpenings((account, position) -> position.equals("PC-499")
                    ? java.util.Optional.of(Instant.parse("2024-03-04T08:00:00Z")) : java.util.Optional.empty())
            .build();

    private final DxtradeFormat format = new DxtradeFormat();

    @Test
    void mapsDepositAndWithdrawalTransfersAndIgnoresCommissionAndFinancing() {
        List<CanonicalEvent> events = format.map(Fixtures.read("dxtrade/transfers.json"), CONTEXT);

        assertThat(events).extracting(CanonicalEvent::id).containsExactly("dx:transfer:TX-77001", "dx:transfer:TX-77004");
        assertThat(events.get(0).data()).isEqualTo(new EventData.DepositCompleted("TX-77001", new BigDecimal("2500.00"),
                CurrencyCode.of("USD"), "default:lp_10025"));
        assertThat(events.get(1).data()).isEqualTo(new EventData.WithdrawalCompleted("TX-77004",
                new BigDecimal("400.00"), CurrencyCode.of("USD"), "default:lp_10025"));
    }

    @Test
    void mapsClosingExecutionsWithLotsFromUnitsAndTheContractSize() {
        List<CanonicalEvent> events = format.map(Fixtures.read("dxtrade/executions.json"), CONTEXT);

        assertThat(events).extracting(CanonicalEvent::id).containsExactly("dx:execution:EX-2", "dx:execution:EX-3");
        assertThat(events.get(0).data()).isEqualTo(new EventData.TradeClosed("EX-2", "default:lp_10025",
                Platform.DXTRADE, "EUR/USD", new BigDecimal("1.5"), Instant.parse("2024-03-04T05:56:40.120Z"),
                Instant.parse("2024-03-04T07:55:22.417Z"), null, null, null, null, CurrencyCode.of("USD")));
        assertThat(((EventData.TradeClosed) events.get(1).data()).lots()).isEqualTo(new BigDecimal("0.5"));
    }

    @Test
    void namesTheInstrumentWhoseContractSizeIsMissing() {
        FormatContext eurOnly = FormatContext.builder().serverId("dx").accountCurrency("USD")
                .unitsPerLot("EUR/USD", "100000").build();

        assertThatThrownBy(() -> format.map(Fixtures.read("dxtrade/executions.json"), eurOnly))
                .isInstanceOfSatisfying(MappingException.class, invalid -> assertThat(invalid.errors()).containsExactly(
                        new FieldError("[2].instrument", "no contract size (units per lot) is configured for "
                                + "instrument \"XAU/USD\"; add it to the connector's unitsPerLot setting")));
    }

    @Test
    void refusesAnExecutionThatDoesNotSayWhetherItCloses() {
        JsonNode payload = Fixtures.read("dxtrade/executions.json").deepCopy();
        ((ObjectNode) payload.get(1)).remove("positionEffect");

        assertThatThrownBy(() -> format.map(payload, CONTEXT)).hasMessage("[1].positionEffect: is required");
    }
}
