package com.ibportal.commissions.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The lines and exclusions of one closed trade: the direct partner's per-trade rules at level 0, then
 * each ancestor's OVERRIDE rules at its distance. Used once, for one trade.
 */
final class TradeCommissions {

    private final ClosedTrade trade;
    private final List<PartnerOnPath> path;
    private final BigDecimal monthLotsBefore;
    private final Fx fx;
    private final LineOrigin origin;
    private final String lotsOfSymbol;
    // Per-level caches: several rules and ancestors ask for the same group, path or downline base.
    private final List<Optional<String>> symbolGroups;
    private final String[] pathTexts;
    private DownlineBase downlineBase;
    private final List<LineDraft> lines = new ArrayList<>();
    private final List<Exclusion> exclusions = new ArrayList<>();

    /** The direct partner's level-0 lines of the trade, added up and itemised, in its payout currency. */
    private record DownlineBase(BigDecimal amount, String itemised) {
    }

    TradeCommissions(ClosedTrade trade, List<PartnerOnPath> path, ClientProfile client, BigDecimal monthLotsBefore,
                     Fx fx) {
        this.trade = trade;
        this.path = path;
        this.monthLotsBefore = monthLotsBefore;
        this.fx = fx;
        this.origin = new LineOrigin(trade.eventId(), trade.clientId(), trade.occurredAt(), client.lineStatus(),
                path.getFirst().partnerCode());
        this.lotsOfSymbol = trade.lots() + " lots " + trade.symbol();
        this.symbolGroups = new ArrayList<>(Collections.nCopies(path.size(), null));
        this.pathTexts = new String[path.size()];
    }

    EngineResult compute() {
        PlanVersion directPlan = path.getFirst().planVersion();
        if (directPlan == null) {
            exclude(0, null, "partner has no plan");
        } else {
            for (int i = 0; i < directPlan.rules().size(); i++) {
                direct(directPlan.rules().get(i));
            }
        }
        // PERCENT_OF_DOWNLINE pays on the direct partner's lines only, never on other overrides.
        List<LineDraft> directLines = List.copyOf(lines);
        for (int distance = 1; distance < path.size(); distance++) {
            PlanVersion plan = path.get(distance).planVersion();
            if (plan == null) {
                continue;
            }
            for (int i = 0; i < plan.rules().size(); i++) {
                if (plan.rules().get(i) instanceof Rule.Override override) {
                    override(distance, override, directLines);
                }
            }
        }
        return EngineResult.of(lines, exclusions);
    }

    private void direct(Rule rule) {
        switch (rule) {
            case Rule.PerLot perLot -> perLot(perLot);
            case Rule.SpreadShare spreadShare -> spreadShare(spreadShare);
            case Rule.TieredPerLot tiered -> tiered(tiered);
            // Not per trade: CPA pays on qualification, REVENUE_SHARE at month end, OVERRIDE to ancestors.
            case Rule.Cpa cpa -> { }
            case Rule.RevenueShare revenueShare -> { }
            case Rule.Override override -> { }
        }
    }

    private void perLot(Rule.PerLot rule) {
        if (heldTooShort(0, RuleKind.PER_LOT, rule.minHoldSeconds())) {
            return;
        }
        Optional<String> group = symbolGroup(0, RuleKind.PER_LOT);
        if (group.isEmpty()) {
            return;
        }
        BigDecimal rate = rule.rates().get(group.get());
        if (rate == null) {
            exclude(0, RuleKind.PER_LOT, "no PER_LOT rate for symbol group " + group.get());
            return;
        }
        pay(0, RuleKind.PER_LOT, lots().multiply(rate), lotsOfSymbol + " × " + Decimals.plain(rate) + " "
                + plan(0).payoutCurrency() + "/lot (" + group.get() + ")" + onPath(0));
    }

    private void spreadShare(Rule.SpreadShare rule) {
        if (heldTooShort(0, RuleKind.SPREAD_SHARE, rule.minHoldSeconds())) {
            return;
        }
        if (trade.spreadRevenue() == null) {
            exclude(0, RuleKind.SPREAD_SHARE, "the trade reports no spread revenue");
            return;
        }
        Fx.Converted spread = convert(trade.spreadRevenue(), 0);
        pay(0, RuleKind.SPREAD_SHARE, Percent.of(rule.percent(), spread.amount()),
                Decimals.plain(rule.percent()) + "% of spread revenue " + spread.explanation() + " on " + lotsOfSymbol
                        + onPath(0));
    }

    private void tiered(Rule.TieredPerLot rule) {
        BigDecimal monthLotsAfter = monthLotsBefore.add(lots());
        String currencyPerLot = " " + plan(0).payoutCurrency() + "/lot";
        String month = " (month " + Decimals.plain(monthLotsBefore) + " → " + Decimals.plain(monthLotsAfter)
                + " lots, ";
        switch (rule.mode()) {
            case PROGRESSIVE -> {
                List<Tiers.Segment> segments = Tiers.progressive(rule.tiers(), monthLotsBefore, monthLotsAfter);
                BigDecimal amount = BigDecimal.ZERO;
                StringBuilder products = new StringBuilder();
                for (Tiers.Segment segment : segments) {
                    amount = amount.add(segment.amount());
                    products.append(products.isEmpty() ? "" : " + ").append(Decimals.plain(segment.lots()))
                            .append(" lots × ").append(Decimals.plain(segment.tier().rate()));
                }
                Rule.TieredPerLot.Tier reached = Tiers.reachedAt(rule.tiers(), monthLotsAfter);
                pay(0, RuleKind.TIERED_PER_LOT, amount, products + currencyPerLot + " " + trade.symbol() + month
                        + "progressive, tier from " + Decimals.plain(reached.fromLots()) + " reached)" + onPath(0));
            }
            case RETROACTIVE -> {
                Rule.TieredPerLot.Tier reached = Tiers.reachedAt(rule.tiers(), monthLotsAfter);
                pay(0, RuleKind.TIERED_PER_LOT, lots().multiply(reached.rate()),
                        lotsOfSymbol + " × " + Decimals.plain(reached.rate()) + currencyPerLot + month
                                + "retroactive, running tier from " + Decimals.plain(reached.fromLots())
                                + "; trued up to the final tier at month end)" + onPath(0));
            }
        }
    }

    private void override(int distance, Rule.Override rule, List<LineDraft> directLines) {
        if (!rule.reaches(distance)) {
            exclude(distance, RuleKind.OVERRIDE, rule.mode() + " reaches distance " + rule.maxDepth()
                    + " at most (maxDepth); this trade is at distance " + distance);
            return;
        }
        switch (rule.mode()) {
            case RATE_DIFFERENCE -> rateDifference(distance);
            case PERCENT_OF_DOWNLINE -> percentOfDownline(distance, rule, directLines);
            case PER_LOT_PER_LEVEL -> perLotPerLevel(distance, rule);
        }
    }

    private void rateDifference(int distance) {
        PlanVersion plan = plan(distance);
        Optional<Rule.PerLot> perLot = plan.rule(Rule.PerLot.class);
        if (perLot.isPresent() && heldTooShort(distance, RuleKind.OVERRIDE, perLot.get().minHoldSeconds())
                || symbolGroup(distance, RuleKind.OVERRIDE).isEmpty()) {
            return;
        }
        PartnerOnPath child = path.get(distance - 1);
        BigDecimal ownRate = perLotRate(distance);
        Fx.Converted childRate = child.planVersion() == null
                ? new Fx.Converted(BigDecimal.ZERO, BigDecimal.ZERO, plan.payoutCurrency(), null, plan.payoutCurrency())
                : convert(perLotRate(distance - 1), distance - 1, distance);
        BigDecimal difference = ownRate.subtract(childRate.amount());
        String rates = lotsOfSymbol + " × (" + Decimals.plain(ownRate) + " − " + Decimals.plain(childRate.amount())
                + ") " + plan.payoutCurrency() + "/lot (RATE_DIFFERENCE, " + partnerCode(distance) + "'s rate − "
                + child.partnerCode() + "'s " + childRate.explanation() + ")" + onPath(distance);
        if (difference.signum() <= 0) {
            exclude(distance, RuleKind.OVERRIDE, "no rate difference: " + rates);
            return;
        }
        pay(distance, RuleKind.OVERRIDE, lots().multiply(difference), rates);
    }

    private void percentOfDownline(int distance, Rule.Override rule, List<LineDraft> directLines) {
        if (distance > rule.percents().size()) {
            exclude(distance, RuleKind.OVERRIDE, "PERCENT_OF_DOWNLINE names no percent for distance " + distance);
            return;
        }
        if (directLines.isEmpty()) {
            exclude(distance, RuleKind.OVERRIDE, partnerCode(0) + " earned no level-0 line on this trade");
            return;
        }
        DownlineBase base = downlineBase(directLines);
        Fx.Converted converted = convert(base.amount(), 0, distance);
        String conversion = converted.isConverted() ? " = " + converted.explanation() : "";
        BigDecimal percent = rule.percents().get(distance - 1);
        pay(distance, RuleKind.OVERRIDE, Percent.of(percent, converted.amount()), Decimals.plain(percent) + "% of "
                + partnerCode(0) + "'s " + base.itemised() + conversion + " (PERCENT_OF_DOWNLINE)" + onPath(distance));
    }

    private DownlineBase downlineBase(List<LineDraft> directLines) {
        if (downlineBase == null) {
            BigDecimal amount = BigDecimal.ZERO;
            StringBuilder itemised = new StringBuilder();
            for (LineDraft line : directLines) {
                amount = amount.add(line.amount());
                itemised.append(itemised.isEmpty() ? "" : " + ").append(Decimals.plain(line.amount())).append(' ')
                        .append(line.currency()).append(" (").append(line.rule()).append(')');
            }
            downlineBase = new DownlineBase(amount, itemised.toString());
        }
        return downlineBase;
    }

    private void perLotPerLevel(int distance, Rule.Override rule) {
        if (distance > rule.rates().size()) {
            exclude(distance, RuleKind.OVERRIDE, "PER_LOT_PER_LEVEL names no rate for distance " + distance);
            return;
        }
        BigDecimal rate = rule.rates().get(distance - 1);
        pay(distance, RuleKind.OVERRIDE, lots().multiply(rate), lotsOfSymbol + " × " + Decimals.plain(rate) + " "
                + plan(distance).payoutCurrency() + "/lot (PER_LOT_PER_LEVEL at distance " + distance + ")"
                + onPath(distance));
    }

    /**
     * Writes the line, or records why a rule that computed to nothing paid nothing. The explanation
     * ends with {@link #onPath}: built in one concatenation, as explanations are most of what the
     * engine allocates.
     */
    private void pay(int level, RuleKind rule, BigDecimal exactAmount, String explanation) {
        LineDraft line = origin.line(path.get(level), level, rule, exactAmount, explanation);
        if (line.amount().signum() == 0) {
            exclude(level, rule, "amount rounds to 0: " + explanation);
        } else {
            lines.add(line);
        }
    }

    private void exclude(int level, RuleKind rule, String reason) {
        exclusions.add(new Exclusion(partnerCode(level), level, rule, trade.eventId(), reason));
    }

    /** The symbol's group in the plan at that level, or an exclusion saying the symbol is in none. */
    private Optional<String> symbolGroup(int level, RuleKind rule) {
        Optional<String> group = symbolGroupAt(level);
        if (group.isEmpty()) {
            exclude(level, rule, "symbol " + trade.symbol() + " in no symbol group of plan " + plan(level).planCode());
        }
        return group;
    }

    private boolean heldTooShort(int level, RuleKind rule, Integer minHoldSeconds) {
        if (minHoldSeconds == null || trade.heldSeconds() >= minHoldSeconds) {
            return false;
        }
        exclude(level, rule, "held " + trade.heldSeconds() + " s < minHoldSeconds " + minHoldSeconds);
        return true;
    }

    private Optional<String> symbolGroupAt(int level) {
        if (symbolGroups.get(level) == null) {
            symbolGroups.set(level, plan(level).symbolGroupOf(trade.symbol()));
        }
        return symbolGroups.get(level);
    }

    /** The PER_LOT rate of the plan at that level for the trade's symbol; 0 where it has none. */
    private BigDecimal perLotRate(int level) {
        Optional<Rule.PerLot> perLot = plan(level).rule(Rule.PerLot.class);
        Optional<String> group = symbolGroupAt(level);
        BigDecimal rate = perLot.isEmpty() || group.isEmpty() ? null : perLot.get().rates().get(group.get());
        return rate == null ? BigDecimal.ZERO : rate;
    }

    /** An amount in the trade's currency, in the payout currency of the partner at that level. */
    private Fx.Converted convert(BigDecimal amountInTradeCurrency, int level) {
        return fx.convert(amountInTradeCurrency, trade.currency(), plan(level).payoutCurrency(), trade.occurredAt());
    }

    /** An amount in one level's payout currency, in another level's. */
    private Fx.Converted convert(BigDecimal amount, int fromLevel, int toLevel) {
        return fx.convert(amount, plan(fromLevel).payoutCurrency(), plan(toLevel).payoutCurrency(), trade.occurredAt());
    }

    private PlanVersion plan(int level) {
        return path.get(level).planVersion();
    }

    private String partnerCode(int level) {
        return path.get(level).partnerCode();
    }

    private BigDecimal lots() {
        return trade.lots().value();
    }

    /** {@code ; path client C-1 → S → M}: the end of every explanation, up to the partner at that level. */
    private String onPath(int level) {
        if (pathTexts[level] == null) {
            pathTexts[level] = level == 0
                    ? "; path " + LineOrigin.path(trade.clientId(), partnerCode(0))
                    : onPath(level - 1) + " → " + partnerCode(level);
        }
        return pathTexts[level];
    }
}
