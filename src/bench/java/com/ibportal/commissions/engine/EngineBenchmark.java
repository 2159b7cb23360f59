/*
 * Throughput of CommissionEngine.closedTrade on one thread: 1,000,000 closed trades of 50,000 clients
 * across 5,000 partners in a 5-level tree, every partner on a hybrid plan (PER_LOT + SPREAD_SHARE +
 * TIERED_PER_LOT + OVERRIDE RATE_DIFFERENCE + OVERRIDE PERCENT_OF_DOWNLINE). Not a test.
 *
 * Run:  ./mvnw -q -Pbench compile exec:exec
 * or:   ./mvnw -q -Pbench compile && $JAVA_HOME/bin/java -Xmx2g -cp target/classes \
 *           com.ibportal.commissions.engine.EngineBenchmark
 */
package com.ibportal.commissions.engine;

import com.ibportal.shared.CurrencyCode;
import com.ibportal.shared.Lots;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

public final class EngineBenchmark {

    private static final System.Logger LOG = System.getLogger(EngineBenchmark.class.getName());

    private static final int TRADES = 1_000_000;
    private static final int WARM_UP_TRADES = 300_000;
    private static final int CLIENTS = 50_000;
    /** Partners per tree level, root first: 10 + 40 + 200 + 1,000 + 3,750 = 5,000. */
    private static final int[] PARTNERS_PER_LEVEL = {10, 40, 200, 1_000, 3_750};
    /** Two of seven symbols are in no symbol group, so their trades also exercise exclusions. */
    private static final List<String> SYMBOLS =
            List.of("EURUSD", "GBPUSD", "USDJPY", "XAUUSD", "XAGUSD", "US30", "BTCUSD");
    private static final CurrencyCode USD = CurrencyCode.of("USD");
    private static final CurrencyCode EUR = CurrencyCode.of("EUR");
    private static final Instant OCTOBER = Instant.parse("2026-10-01T00:00:00Z");

    private EngineBenchmark() {
    }

    public static void main(String[] args) {
        Random random = new Random(20261001);
        List<List<PartnerOnPath>> pathOfClient = clientPaths(partnerTree(), random);
        List<ClientProfile> clients = new ArrayList<>(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(new ClientProfile("C-" + c, "client" + c + "@example.com", random.nextInt(10) != 0));
        }
        TradeData trades = new TradeData(random);
        // EURUSD for every day of October: a tenth of the trades are in EUR.
        FxRates rates = (date, base, quote) -> Optional.of(new BigDecimal("1.0800"));
        CommissionEngine engine = new CommissionEngine(rates);

        run(engine, WARM_UP_TRADES, trades, clients, pathOfClient);
        long started = System.nanoTime();
        long[] counts = run(engine, TRADES, trades, clients, pathOfClient);
        double seconds = (System.nanoTime() - started) / 1e9;

        LOG.log(System.Logger.Level.INFO, String.format(
                "%,d trades in %.2f s on one thread: %,.0f trades/s (%,d lines, %,d exclusions, %,.0f lines/s)",
                TRADES, seconds, TRADES / seconds, counts[0], counts[1], counts[0] / seconds));
    }

    /**
     * Processes the first {@code count} trades in closing order as ingestion would, keeping each direct
     * partner's monthly lots. Each event record is built here, as ingestion builds one per event.
     */
    private static long[] run(CommissionEngine engine, int count, TradeData trades, List<ClientProfile> clients,
                              List<List<PartnerOnPath>> pathOfClient) {
        Map<String, Lots> monthLots = new HashMap<>();
        long lines = 0;
        long exclusions = 0;
        for (int t = 0; t < count; t++) {
            ClosedTrade trade = trades.trade(t);
            List<PartnerOnPath> path = pathOfClient.get(trades.client[t]);
            String direct = path.getFirst().partnerCode();
            EngineResult result = engine.closedTrade(trade, path, clients.get(trades.client[t]),
                    monthLots.getOrDefault(direct, Lots.ZERO));
            monthLots.merge(direct, trade.lots(), Lots::plus);
            lines += result.lines().size();
            exclusions += result.exclusions().size();
        }
        return new long[] {lines, exclusions};
    }

    /** Each partner's path to the root; level 0 holds the roots. */
    private static List<List<PartnerOnPath>> partnerTree() {
        List<List<PartnerOnPath>> paths = new ArrayList<>();
        List<List<PartnerOnPath>> previousLevel = List.of();
        for (int level = 0; level < PARTNERS_PER_LEVEL.length; level++) {
            PlanVersion plan = hybridPlan(level);
            List<List<PartnerOnPath>> thisLevel = new ArrayList<>();
            for (int i = 0; i < PARTNERS_PER_LEVEL[level]; i++) {
                String code = "IB-" + level + "-" + i;
                List<PartnerOnPath> path = new ArrayList<>();
                path.add(new PartnerOnPath(code, code.toLowerCase() + "@ib.example", plan));
                if (level > 0) {
                    path.addAll(previousLevel.get(i * previousLevel.size() / PARTNERS_PER_LEVEL[level]));
                }
                thisLevel.add(List.copyOf(path));
            }
            paths.addAll(thisLevel);
            previousLevel = thisLevel;
        }
        return paths;
    }

    private static List<List<PartnerOnPath>> clientPaths(List<List<PartnerOnPath>> partnerPaths, Random random) {
        List<List<PartnerOnPath>> pathOfClient = new ArrayList<>(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            pathOfClient.add(partnerPaths.get(random.nextInt(partnerPaths.size())));
        }
        return pathOfClient;
    }

    /** Rates fall with depth, so every ancestor has a rate difference to earn. */
    private static PlanVersion hybridPlan(int level) {
        BigDecimal fxRate = BigDecimal.valueOf(1000 - 150 * level, 2);
        BigDecimal metalsRate = BigDecimal.valueOf(1500 - 200 * level, 2);
        return new PlanVersion("HYBRID-L" + level, 1, USD,
                List.of(new SymbolGroup("FX_MAJORS", List.of("EURUSD", "GBPUSD", "USDJPY")),
                        new SymbolGroup("METALS", List.of("XAU*", "XAG*"))),
                List.of(new Rule.PerLot(Map.of("FX_MAJORS", fxRate, "METALS", metalsRate), 60),
                        new Rule.SpreadShare(new BigDecimal("25"), null),
                        new Rule.TieredPerLot(List.of(
                                new Rule.TieredPerLot.Tier(BigDecimal.ZERO, new BigDecimal("1.00")),
                                new Rule.TieredPerLot.Tier(new BigDecimal("100"), new BigDecimal("1.50")),
                                new Rule.TieredPerLot.Tier(new BigDecimal("500"), new BigDecimal("2.00"))),
                                TierMode.PROGRESSIVE),
                        new Rule.Override(OverrideMode.RATE_DIFFERENCE, 4, null, null),
                        new Rule.Override(OverrideMode.PERCENT_OF_DOWNLINE, 4,
                                List.of(new BigDecimal("10"), new BigDecimal("5"), new BigDecimal("2"),
                                        new BigDecimal("1")), null)));
    }

    /**
     * The random part of every trade, drawn before timing; trades close evenly spread over October. Only
     * primitives are kept, so a million retained event records do not weigh on the collector.
     */
    private static final class TradeData {
        final int[] client = new int[TRADES];
        final int[] symbol = new int[TRADES];
        final int[] hundredthsOfLots = new int[TRADES];
        final int[] heldSeconds = new int[TRADES];
        final int[] spreadCents = new int[TRADES];
        final boolean[] inEuro = new boolean[TRADES];

        TradeData(Random random) {
            for (int t = 0; t < TRADES; t++) {
                client[t] = random.nextInt(CLIENTS);
                symbol[t] = random.nextInt(SYMBOLS.size());
                hundredthsOfLots[t] = 1 + random.nextInt(500);
                heldSeconds[t] = 5 + random.nextInt(7200);
                spreadCents[t] = random.nextInt(5000);
                inEuro[t] = random.nextInt(10) == 0;
            }
        }

        ClosedTrade trade(int t) {
            Instant closedAt = OCTOBER.plusMillis(t * (31L * 24 * 3600 * 1000 / TRADES));
            return new ClosedTrade("EV-" + t, "C-" + client[t], "D-" + t, SYMBOLS.get(symbol[t]),
                    Lots.of(BigDecimal.valueOf(hundredthsOfLots[t], 2)), closedAt.minusSeconds(heldSeconds[t]),
                    closedAt, BigDecimal.valueOf(spreadCents[t], 2), null, null, inEuro[t] ? EUR : USD);
        }
    }
}
