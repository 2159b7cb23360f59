package com.ibportal.commissions.engine;

import com.ibportal.shared.Lots;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The lines written when a calendar month (UTC) closes: REVENUE_SHARE and the RETROACTIVE tier
 * true-up. Such a line covers many events, so it is keyed by partner, month and rule instead.
 */
final class MonthEnd {

    private MonthEnd() {
    }

    static RevenueShareResult revenueShare(PartnerOnPath partner, YearMonth month, List<ClosedTrade> trades,
                                           BigDecimal lossCarriedIn, Fx fx) {
        PlanVersion plan = partner.planVersion();
        Optional<Rule.RevenueShare> rule = plan == null ? Optional.empty() : plan.rule(Rule.RevenueShare.class);
        if (rule.isEmpty()) {
            return new RevenueShareResult(EngineResult.nothing(), LineDraft.round(BigDecimal.ZERO));
        }
        BigDecimal clientsResult = BigDecimal.ZERO;
        for (ClosedTrade trade : trades) {
            if (!YearMonth.from(trade.closedAt().atZone(ZoneOffset.UTC)).equals(month)) {
                throw new IllegalArgumentException("trade " + trade.eventId() + " did not close in " + month);
            }
            // A zero needs no rate: a trade without profit or swap must not wait for one.
            if (trade.profitAndSwap().signum() != 0) {
                clientsResult = clientsResult.add(fx.convert(trade.profitAndSwap(), trade.currency(),
                        plan.payoutCurrency(), trade.occurredAt()).amount());
            }
        }
        // Client losses are broker revenue.
        BigDecimal netRevenue = clientsResult.negate();
        BigDecimal carriedIn = rule.get().carryForwardLosses() ? lossCarriedIn : BigDecimal.ZERO;
        BigDecimal afterCarriedLoss = netRevenue.subtract(carriedIn);
        BigDecimal lossCarriedOut = LineDraft.round(rule.get().carryForwardLosses() && afterCarriedLoss.signum() < 0
                ? afterCarriedLoss.negate() : BigDecimal.ZERO);
        String currency = " " + plan.payoutCurrency();
        String explanation = Decimals.plain(rule.get().percent()) + "% × max(0, net revenue "
                + Decimals.plain(netRevenue) + " − carried loss " + Decimals.plain(carriedIn) + ")" + currency
                + " over " + trades.size() + " trades of the direct clients closed in " + month
                + " (net revenue = −Σ(profit + swap)); loss carried out " + Decimals.plain(lossCarriedOut) + currency;
        BigDecimal commission = Percent.of(rule.get().percent(), afterCarriedLoss.max(BigDecimal.ZERO));
        return new RevenueShareResult(lineUnlessZero(partner, month, RuleKind.REVENUE_SHARE, commission, explanation),
                lossCarriedOut);
    }

    static EngineResult retroactiveTrueUp(PartnerOnPath partner, YearMonth month, Lots monthLots,
                                          BigDecimal accruedAtRunningTiers) {
        PlanVersion plan = partner.planVersion();
        Optional<Rule.TieredPerLot> rule = plan == null ? Optional.empty() : plan.rule(Rule.TieredPerLot.class);
        if (rule.isEmpty() || rule.get().mode() != TierMode.RETROACTIVE) {
            return EngineResult.nothing();
        }
        Rule.TieredPerLot.Tier finalTier = Tiers.reachedAt(rule.get().tiers(), monthLots.value());
        BigDecimal due = monthLots.value().multiply(finalTier.rate());
        return lineUnlessZero(partner, month, RuleKind.TIERED_PER_LOT, due.subtract(accruedAtRunningTiers),
                monthLots + " lots × " + Decimals.plain(finalTier.rate()) + " " + plan.payoutCurrency()
                        + "/lot at the final tier from " + Decimals.plain(finalTier.fromLots()) + " = "
                        + Decimals.plain(due) + " − " + Decimals.plain(accruedAtRunningTiers)
                        + " accrued at running tiers in " + month + " (retroactive true-up)");
    }

    // A month with nothing owed writes no line; the explanation of a zero is not worth a ledger entry.
    private static EngineResult lineUnlessZero(PartnerOnPath partner, YearMonth month, RuleKind rule,
                                               BigDecimal exactAmount, String explanation) {
        if (LineDraft.round(exactAmount).signum() == 0) {
            return EngineResult.nothing();
        }
        Instant lastSecondOfMonth = month.atEndOfMonth().atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
        LineOrigin origin = new LineOrigin(partner.partnerCode() + "/" + month + "/" + rule, null, lastSecondOfMonth,
                LineStatus.PAYABLE, partner.partnerCode());
        return EngineResult.of(List.of(origin.line(partner, 0, rule, exactAmount,
                explanation + "; partner " + partner.partnerCode())), List.of());
    }
}
