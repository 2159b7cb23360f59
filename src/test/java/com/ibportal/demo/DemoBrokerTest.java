package com.ibportal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.ingestion.canonical.CanonicalEvent;
import com.ibportal.ingestion.canonical.CanonicalEventParser;
import com.ibportal.ingestion.canonical.EventType;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.ingestion.formats.EventFormats;
import com.ibportal.ingestion.formats.FormatContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo broker's traffic is what the real connectors accept, and it tells a whole client life. */
class DemoBrokerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final FormatContext mt5 = FormatContext.builder().serverId("demo-mt5").serverZone(ZoneOffset.UTC)
            .accountCurrency("USD").build();

    private List<CanonicalEvent> canonical(List<DemoBroker.Delivery> deliveries) {
        List<CanonicalEvent> events = new ArrayList<>();
        for (DemoBroker.Delivery delivery : deliveries) {
            var payload = JsonValues.mapper().readTree(delivery.json());
            if (delivery.toMt5()) {
                events.addAll(EventFormats.standard().get("mt5").map(payload, mt5));
            } else {
                events.addAll(new CanonicalEventParser().parseBatch(payload).orThrow());
            }
        }
        return events;
    }

    @Test
    void aMonthOfHistoryMapsCleanlyThroughTheMt5AndCanonicalFormats() {
        List<DemoBroker.Delivery> history = new DemoBroker(7, 1_000, List.of("IB-ALPHA-1", "IB-BRAVO-2-A")).history(NOW, 30, 600);

        List<CanonicalEvent> events = canonical(history);

        Map<EventType, Long> byType = events.stream().collect(Collectors.groupingBy(CanonicalEvent::type, Collectors.counting()));
        assertThat(byType.keySet()).contains(EventType.CLIENT_REGISTERED, EventType.CLIENT_KYC_CHANGED,
                EventType.DEPOSIT_COMPLETED, EventType.TRADE_CLOSED);
        assertThat(byType.get(EventType.TRADE_CLOSED)).isGreaterThan(byType.get(EventType.CLIENT_REGISTERED));
        assertThat(events).allSatisfy(e -> assertThat(e.occurredAt()).isBetween(NOW.minusSeconds(30 * 86_400), NOW));
        Set<String> ids = new HashSet<>();
        assertThat(events).allSatisfy(e -> assertThat(ids.add(e.id())).as("event ids are unique: %s", e.id()).isTrue());
    }

    @Test
    void onlyRegisteredApprovedFundedTradersTradeAndEachClientRegistersFirst() {
        List<CanonicalEvent> events = canonical(new DemoBroker(11, 5_000, List.of("IB-ALPHA")).history(NOW, 10, 400));

        Map<String, CanonicalEvent> registrations = events.stream().filter(e -> e.type() == EventType.CLIENT_REGISTERED)
                .collect(Collectors.toMap(CanonicalEvent::clientId, Function.identity()));
        Set<String> funded = events.stream().filter(e -> e.type() == EventType.DEPOSIT_COMPLETED)
                .map(CanonicalEvent::clientId).collect(Collectors.toSet());
        for (CanonicalEvent event : events) {
            assertThat(registrations).as("client of %s", event.id()).containsKey(event.clientId());
            assertThat(event.occurredAt()).isAfterOrEqualTo(registrations.get(event.clientId()).occurredAt());
            if (event.type() == EventType.TRADE_CLOSED) {
                assertThat(funded).contains(event.clientId());
            }
        }
    }
}
