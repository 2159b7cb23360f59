package com.ibportal.commissions.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.ibportal.commissions.engine.Fixtures.USD;
import static org.assertj.core.api.Assertions.assertThat;

class SymbolGroupTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "EURUSD, EURUSD, true",
            "EURUSD, EURUSD.m, false",
            "EURUSD, eurusd, true",
            "XAU*, XAUUSD, true",
            "XAU*, XAU, true",
            "XAU*, XAGUSD, false",
            "*JPY, USDJPY, true",
            "*JPY, USDJPY.m, false",
            "EUR*.m, EURUSD.m, true",
            "*, ANYTHING, true",
            "*USD*, XAUUSD.pro, true",
            "*USD*, EURGBP, false"
    })
    void matchesExactSymbolsAndWildcards(String pattern, String symbol, boolean matches) {
        assertThat(new SymbolGroup("G", List.of(pattern)).matches(symbol)).isEqualTo(matches);
    }

    @Test
    void theFirstMatchingGroupWins() {
        PlanVersion plan = new PlanVersion("P", 1, USD, List.of(
                new SymbolGroup("GOLD", List.of("XAUUSD")),
                new SymbolGroup("METALS", List.of("XAU*", "XAG*")),
                new SymbolGroup("ALL", List.of("*"))), List.of());

        assertThat(plan.symbolGroupOf("XAUUSD")).contains("GOLD");
        assertThat(plan.symbolGroupOf("XAGUSD")).contains("METALS");
        assertThat(plan.symbolGroupOf("US30")).contains("ALL");
    }

    @Test
    void aSymbolNoGroupMatchesHasNoGroup() {
        PlanVersion plan = new PlanVersion("P", 1, USD, Fixtures.STANDARD_GROUPS, List.of());

        assertThat(plan.symbolGroupOf("US30")).isEmpty();
    }
}
