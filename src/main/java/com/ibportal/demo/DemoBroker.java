package com.ibportal.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A make-believe broker: traders register on its MT5 server with an IB's code, pass KYC in its CRM,
 * fund their accounts and trade. Each step yields the payload the real systems would send: MT5 Web
 * API user and deal records for the MT5 connector, canonical events for the CRM connector. Pure and
 * seeded, so tests can check what it produces.
 */
final class DemoBroker {

    /** What to send, and to which of the two demo connectors. */
    record Delivery(boolean toMt5, String json, Instant at) {
    }

    private static final String[] SYMBOLS = {"EURUSD", "EURUSD", "GBPUSD", "USDJPY", "XAUUSD", "US30"};
    private static final String[] COUNTRIES = {"Germany", "Spain", "Mexico", "United Arab Emirates", "Nigeria", "Thailand",
            "Malaysia", "United Kingdom", "South Africa", "Colombia"};

    private final Random random;
    private final List<String> partnerCodes;
    private final List<Trader> traders = new ArrayList<>();
    private long nextLogin;
    private long nextDeal;

    private static final class Trader {
        final String login;
        boolean approved;
        boolean rejected;
        boolean funded;

        Trader(String login) {
            this.login = login;
        }
    }

    /** @param idBase makes logins and deal tickets unique across runs against one database */
    DemoBroker(long seed, long idBase, List<String> partnerCodes) {
        this.random = new Random(seed);
        this.partnerCodes = List.copyOf(partnerCodes);
        this.nextLogin = idBase;
        this.nextDeal = idBase * 100;
    }

    /** One step of the broker's life at {@code at}: a registration, a KYC decision, a deposit or a trade. */
    List<Delivery> next(Instant at) {
        double draw = random.nextDouble();
        List<Trader> waitingForKyc = traders.stream().filter(t -> !t.approved && !t.rejected).toList();
        List<Trader> unfunded = traders.stream().filter(t -> t.approved && !t.funded).toList();
        List<Trader> funded = traders.stream().filter(t -> t.funded).toList();
        if (traders.isEmpty() || draw < 0.12) {
            return List.of(register(at));
        }
        if (draw < 0.22 && !waitingForKyc.isEmpty()) {
            return List.of(kyc(pick(waitingForKyc), at));
        }
        if (draw < 0.34 && !unfunded.isEmpty()) {
            return List.of(deposit(pick(unfunded), at));
        }
        if (!funded.isEmpty()) {
            return List.of(trade(pick(funded), at));
        }
        return List.of(register(at));
    }

    /** The steps of {@code days} days of history up to {@code end}, oldest first. */
    List<Delivery> history(Instant end, int days, int steps) {
        List<Delivery> deliveries = new ArrayList<>();
        Instant start = end.minus(Duration.ofDays(days));
        long span = Duration.between(start, end).toSeconds();
        for (int i = 0; i < steps; i++) {
            deliveries.addAll(next(start.plusSeconds(span * i / steps)));
        }
        return deliveries;
    }

    private Delivery register(Instant at) {
        Trader trader = new Trader(Long.toString(nextLogin++));
        traders.add(trader);
        // About one trader in twenty comes without a code (organic), as in real traffic.
        String leadSource = random.nextInt(20) == 0 ? "" : partnerCodes.get(random.nextInt(partnerCodes.size()));
        return new Delivery(true, """
                [{"Login":"%s","Group":"real\\\\standard-usd","Name":"Demo Trader %s","Email":"trader%s@mail.test",\
                "Country":"%s","LeadSource":"%s","LeadCampaign":"%s","Registration":"%d"}]"""
                .formatted(trader.login, trader.login, trader.login, COUNTRIES[random.nextInt(COUNTRIES.length)],
                        leadSource, random.nextBoolean() ? "spring" : "webinar", at.getEpochSecond()), at);
    }

    private Delivery kyc(Trader trader, Instant at) {
        trader.rejected = random.nextInt(25) == 0;
        trader.approved = !trader.rejected;
        return new Delivery(false, """
                [{"id":"kyc-%s","type":"client.kyc_changed","occurredAt":"%s","clientId":"%s","data":{"status":"%s"}}]"""
                .formatted(trader.login, at, trader.login, trader.rejected ? "REJECTED" : "APPROVED"), at);
    }

    private Delivery deposit(Trader trader, Instant at) {
        trader.funded = true;
        BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(4900)).setScale(2, RoundingMode.HALF_EVEN);
        return new Delivery(true, """
                [{"Deal":"%d","Login":"%s","Order":"0","PositionID":"0","Action":"2","Entry":"0","Symbol":"","Volume":"0",\
                "VolumeClosed":"0","Price":"0","Profit":"%s","Storage":"0","Commission":"0","Fee":"0","Time":"%d",\
                "TimeMsc":"%d","Comment":"Deposit"}]"""
                .formatted(nextDeal++, trader.login, amount.toPlainString(), at.getEpochSecond(), at.toEpochMilli()), at);
    }

    private Delivery trade(Trader trader, Instant closedAt) {
        String symbol = SYMBOLS[random.nextInt(SYMBOLS.length)];
        long volume = (1 + random.nextInt(30)) * 1000L; // 0.10 to 3.00 lots, in MT5's 1/10,000 lot
        Instant openedAt = closedAt.minusSeconds(20 + random.nextInt(6 * 3600));
        long position = nextDeal;
        BigDecimal profit = BigDecimal.valueOf(random.nextGaussian() * 40 * volume / 10_000).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal swap = BigDecimal.valueOf(-random.nextInt(300), 2);
        String opening = """
                {"Deal":"%d","Login":"%s","PositionID":"%d","Action":"0","Entry":"0","Symbol":"%s","Volume":"%d",\
                "VolumeClosed":"0","Profit":"0","Storage":"0","Commission":"0","Time":"%d","TimeMsc":"%d"}"""
                .formatted(nextDeal++, trader.login, position, symbol, volume, openedAt.getEpochSecond(), openedAt.toEpochMilli());
        String closing = """
                {"Deal":"%d","Login":"%s","PositionID":"%d","Action":"1","Entry":"1","Symbol":"%s","Volume":"%d",\
                "VolumeClosed":"%d","Profit":"%s","Storage":"%s","Commission":"0","Time":"%d","TimeMsc":"%d"}"""
                .formatted(nextDeal++, trader.login, position, symbol, volume, volume, profit.toPlainString(),
                        swap.toPlainString(), closedAt.getEpochSecond(), closedAt.toEpochMilli());
        return new Delivery(true, "[" + opening + "," + closing + "]", closedAt);
    }

    private Trader pick(List<Trader> candidates) {
        return candidates.get(random.nextInt(candidates.size()));
    }
}
