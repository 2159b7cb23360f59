package com.ibportal.commissions.engine;

import com.ibportal.shared.CurrencyCode;
import com.ibportal.shared.Lots;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plans, partners, clients and trades for engine tests, with the contract's example values. */
final class Fixtures {

    static final CurrencyCode USD = CurrencyCode.of("USD");
    static final CurrencyCode EUR = CurrencyCode.of("EUR");
    static final Instant OCT_1 = Instant.parse("2026-10-01T00:00:00Z");
    static final FxRates NO_RATES = (date, base, quote) -> Optional.empty();
    static final ClientProfile APPROVED_CLIENT = new ClientProfile("C-1", "client@example.com", true);
    static final ClientProfile UNVERIFIED_CLIENT = new ClientProfile("C-1", "client@example.com", false);

    static final List<SymbolGroup> STANDARD_GROUPS = List.of(
            new SymbolGroup("FX_MAJORS", List.of("EURUSD", "GBPUSD", "USDJPY")),
            new SymbolGroup("METALS", List.of("XAU*", "XAG*")));

    private Fixtures() {
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    static PlanVersion plan(String code, Rule... rules) {
        return plan(code, USD, rules);
    }

    static PlanVersion plan(String code, CurrencyCode payoutCurrency, Rule... rules) {
        return new PlanVersion(code, 1, payoutCurrency, STANDARD_GROUPS, List.of(rules));
    }

    static Rule.PerLot perLot(String group, String rate) {
        return new Rule.PerLot(Map.of(group, dec(rate)), null);
    }

    static Rule.SpreadShare spreadShare(String percent) {
        return new Rule.SpreadShare(dec(percent), null);
    }

    static Rule.TieredPerLot tiered(TierMode mode, String... fromLotsAndRates) {
        List<Rule.TieredPerLot.Tier> tiers = new ArrayList<>();
        for (int i = 0; i < fromLotsAndRates.length; i += 2) {
            tiers.add(new Rule.TieredPerLot.Tier(dec(fromLotsAndRates[i]), dec(fromLotsAndRates[i + 1])));
        }
        return new Rule.TieredPerLot(tiers, mode);
    }

    static Rule.Override rateDifference() {
        return new Rule.Override(OverrideMode.RATE_DIFFERENCE, null, null, null);
    }

    static Rule.Override percentOfDownline(String... percents) {
        return new Rule.Override(OverrideMode.PERCENT_OF_DOWNLINE, null, decimals(percents), null);
    }

    static Rule.Override perLotPerLevel(String... rates) {
        return new Rule.Override(OverrideMode.PER_LOT_PER_LEVEL, null, null, decimals(rates));
    }

    static List<BigDecimal> decimals(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    static PartnerOnPath partner(String code, PlanVersion plan) {
        return new PartnerOnPath(code, code.toLowerCase() + "@ib.example", plan);
    }

    static TradeBuilder aTrade() {
        return new TradeBuilder();
    }

    /** Rates from a table; any pair it lacks is missing. */
    static FxRates rates(LocalDate date, CurrencyCode base, CurrencyCode quote, String rate) {
        Map<String, BigDecimal> table = new HashMap<>();
        table.put(date + base.code() + quote.code(), dec(rate));
        return (d, b, q) -> Optional.ofNullable(table.get(d + b.code() + q.code()));
    }

    /** A 1-hour EURUSD trade of client C-1 closed on 1 October 2026, in USD, unless told otherwise. */
    static final class TradeBuilder {
        private String eventId = "T-1";
        private String clientId = "C-1";
        private String symbol = "EURUSD";
        private String lots = "1.00";
        private Instant closedAt = OCT_1.plus(Duration.ofHours(10));
        private long heldSeconds = 3600;
        private String spreadRevenue;
        private String profit;
        private String swap;
        private CurrencyCode currency = USD;

        TradeBuilder eventId(String value) {
            eventId = value;
            return this;
        }

        TradeBuilder clientId(String value) {
            clientId = value;
            return this;
        }

        TradeBuilder symbol(String value) {
            symbol = value;
            return this;
        }

        TradeBuilder lots(String value) {
            lots = value;
            return this;
        }

        TradeBuilder closedAt(Instant value) {
            closedAt = value;
            return this;
        }

        TradeBuilder heldSeconds(long value) {
            heldSeconds = value;
            return this;
        }

        TradeBuilder spreadRevenue(String value) {
            spreadRevenue = value;
            return this;
        }

        TradeBuilder profit(String value) {
            profit = value;
            return this;
        }

        TradeBuilder swap(String value) {
            swap = value;
            return this;
        }

        TradeBuilder currency(CurrencyCode value) {
            currency = value;
            return this;
        }

        ClosedTrade build() {
            return new ClosedTrade(eventId, clientId, "D-" + eventId, symbol, Lots.of(lots),
                    closedAt.minusSeconds(heldSeconds), closedAt, decimalOrNull(spreadRevenue), decimalOrNull(profit),
                    decimalOrNull(swap), currency);
        }

        private static BigDecimal decimalOrNull(String value) {
            return value == null ? null : dec(value);
        }
    }
}
