package com.ibportal.ingestion.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.ibportal.ingestion.canonical.CanonicalEvent;
import com.ibportal.shared.CurrencyCode;
import com.ibportal.ingestion.canonical.EventData;
import com.ibportal.ingestion.canonical.EventType;
import com.ibportal.ingestion.canonical.FieldError;
import com.ibportal.ingestion.canonical.Fixtures;
import com.ibportal.ingestion.canonical.Platform;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class Mt5FormatTest {

    /** A typical MT5 server clock: EET, UTC+2 in early March. */
    private static final FormatContext LIVE = FormatContext.builder().serverId("mt5-live")
            .serverZone(ZoneId.of("Europe/Athens")).accountCurrency("USD").clientId("1020", "C-1").build();

    private final Mt5Format format = new Mt5Format();

    @Test
    void mapsTheDocumentedClosingDealToAClosedTrade() {
        List<CanonicalEvent> events = format.map(Fixtures.read("mt5/closing-deal-with-opening.json"), LIVE);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.id()).isEqualTo("mt5-live:11918650");
            assertThat(event.clientId()).isEqualTo("C-1");
            // Time 1709546122 is 2024-03-04 09:55:22 on the server's clock, 07:55:22 UTC; TimeMsc adds the .417.
            assertThat(event.occurredAt()).isEqualTo(Instant.parse("2024-03-04T07:55:22.417Z"));
            assertThat(event.data()).isEqualTo(new EventData.TradeClosed("11918650", "1020", Platform.MT5, "XAUUSD",
                    new BigDecimal("0.5"), Instant.parse("2024-03-04T05:56:40.120Z"),
                    Instant.parse("2024-03-04T07:55:22.417Z"), null, new BigDecimal("265.00"), new BigDecimal("-3.10"),
                    new BigDecimal("-3.50"), CurrencyCode.of("USD")));
        });
        EventData.TradeClosed trade = (EventData.TradeClosed) events.getFirst().data();
        assertThat(trade.lots()).isEqualByComparingTo("0.50");
    }

    @Test
    void takesTheOpenTimeOfAPositionOpenedInAnEarlierPayload() {
        FormatContext remembering = FormatContext.builder().serverId("mt5-live").accountCurrency("USD")
                .positionOpenings((login, position) -> login.equals("1020") && position.equals("2230031")
                        ? Optional.of(Instant.parse("2024-03-01T10:00:00Z")) : Optional.empty())
                .build();

        CanonicalEvent event = format.map(Fixtures.read("mt5/closing-deal.json"), remembering).getFirst();

        assertThat(((EventData.TradeClosed) event.data()).openedAt()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(event.clientId()).as("a login without a mapped client is its own client id").isEqualTo("1020");
    }

    @Test
    void refusesAClosingDealWhoseOpeningIsUnknown() {
        assertThatThrownBy(() -> format.map(Fixtures.read("mt5/closing-deal.json"), LIVE))
                .isInstanceOfSatisfying(MappingException.class, invalid -> assertThat(invalid.errors()).containsExactly(
                        new FieldError("PositionID", "the opening of position 2230031 of account 1020 is neither in "
                                + "this payload nor known from an earlier one")));
    }

    @Test
    void mapsBalanceDealsAndIgnoresCreditCorrectionBonusCommissionAndOpenings() {
        List<CanonicalEvent> events = format.map(Fixtures.read("mt5/balance-and-ignored-deals.json"), LIVE);

        assertThat(events).extracting(CanonicalEvent::id).containsExactly("mt5-live:11900001", "mt5-live:11900007");
        assertThat(events.get(0).data()).isEqualTo(new EventData.DepositCompleted("11900001", new BigDecimal("500.00"),
                CurrencyCode.of("USD"), "1020"));
        assertThat(events.get(0).occurredAt()).isEqualTo(Instant.parse("2024-02-29T07:46:40Z"));
        assertThat(events.get(1).type()).isEqualTo(EventType.WITHDRAWAL_COMPLETED);
        assertThat(((EventData.WithdrawalCompleted) events.get(1).data()).amount()).isEqualTo(new BigDecimal("200.00"));
        // 00:53:20 on the server's clock is still the previous day in UTC.
        assertThat(events.get(1).occurredAt()).isEqualTo(Instant.parse("2024-03-04T22:53:20Z"));
    }

    @Test
    void mapsAUserToARegistrationWithTheLeadSourceAsReferralCode() {
        CanonicalEvent event = format.map(Fixtures.read("mt5/user.json"), LIVE).getFirst();

        assertThat(event.id()).isEqualTo("mt5-live:user:1020");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2024-03-01T11:33:20Z"));
        assertThat(event.data()).isEqualTo(new EventData.ClientRegistered("IB-ALPHA", "spring-2024", "ada@example.com",
                "Germany"));
    }

    @Test
    void readsTheReferralCodeFromAConfiguredField() {
        FormatContext agentAsReferral = FormatContext.builder().serverId("mt5-live").referralCodeField("Agent").build();

        CanonicalEvent event = format.map(Fixtures.read("mt5/user.json"), agentAsReferral).getFirst();

        assertThat(((EventData.ClientRegistered) event.data()).referralCode()).isEqualTo("5001");
    }

    @Test
    void namesTheFieldOfABadVolume() {
        JsonNode payload = Fixtures.read("mt5/closing-deal-with-opening.json").deepCopy();
        ((ObjectNode) payload.get(1)).put("VolumeClosed", "5k");

        assertThatThrownBy(() -> format.map(payload, LIVE)).isInstanceOf(MappingException.class)
                .hasMessage("[1].VolumeClosed: must be a decimal like \"2.50\", was \"5k\"");
    }

    @Test
    void refusesAnUnknownEntryAndAMissingAction() {
        ObjectNode deal = (ObjectNode) Fixtures.read("mt5/closing-deal.json").deepCopy();
        deal.put("Entry", "7");
        assertThatThrownBy(() -> format.map(deal, LIVE)).hasMessage(
                "Entry: must be 0 (IN), 1 (OUT), 2 (INOUT) or 3 (OUT_BY), was 7");

        deal.remove("Action");
        assertThatThrownBy(() -> format.map(deal, LIVE)).hasMessage("Action: is required");
    }

    @Test
    void refusesAClosedVolumeOfZero() {
        JsonNode payload = Fixtures.read("mt5/closing-deal-with-opening.json").deepCopy();
        ((ObjectNode) payload.get(1)).put("VolumeClosed", "0");

        assertThatThrownBy(() -> format.map(payload, LIVE)).isInstanceOfSatisfying(MappingException.class,
                invalid -> assertThat(invalid.errors()).containsExactly(new FieldError("[1]",
                        "maps to an invalid event: data.lots: must be greater than zero, was 0")));
    }

    @Test
    void needsAServerIdAndAnAccountCurrency() {
        FormatContext noServer = FormatContext.builder().accountCurrency("USD").build();
        assertThatThrownBy(() -> format.map(Fixtures.read("mt5/balance-and-ignored-deals.json"), noServer))
                .isInstanceOfSatisfying(MappingException.class, invalid -> assertThat(invalid.errors().getFirst()
                        .field()).isEqualTo("settings.serverId"));

        FormatContext noCurrency = FormatContext.builder().serverId("mt5-live").build();
        assertThatThrownBy(() -> format.map(Fixtures.read("mt5/balance-and-ignored-deals.json"), noCurrency))
                .hasMessage("[0].Login: no currency is configured for account 1020; set the connector's accountCurrency");
    }

    @Test
    void refusesARecordThatIsNeitherDealNorUser() {
        assertThatThrownBy(() -> format.map(Fixtures.json("[{\"Symbol\": \"EURUSD\"}]"), LIVE))
                .hasMessageStartingWith("[0].Deal: is required");
        assertThatThrownBy(() -> format.map(Fixtures.json("\"deal\""), LIVE))
                .hasMessage("payload: must be a JSON object or an array of objects");
    }
}
