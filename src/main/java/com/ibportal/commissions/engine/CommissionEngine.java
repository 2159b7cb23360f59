package com.ibportal.commissions.engine;

import com.ibportal.shared.Lots;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The commission engine: pure and deterministic. Every answer depends on the arguments and the FX
 * rates only; nothing is read from a clock, a database or shared state, so recomputing a period
 * from the stored events gives the same lines. Plans must have passed {@link PlanValidator}.
 */
public final class CommissionEngine {

    private final Fx fx;

    public CommissionEngine(FxRates fxRates) {
        this.fx = new Fx(Objects.requireNonNull(fxRates, "fxRates"));
    }

    /**
     * The lines of a closed trade for every partner on its attribution path.
     *
     * @param path                         the attribution at the close: index 0 the direct partner, index d
     *                                     the ancestor at distance d; empty for an organic client
     * @param directPartnerMonthLotsBefore the lots of the direct partner's direct clients closed earlier in
     *                                     the trade's calendar month (UTC), for TIERED_PER_LOT
     */
    public EngineResult closedTrade(ClosedTrade trade, List<PartnerOnPath> path, ClientProfile client,
                                    Lots directPartnerMonthLotsBefore) {
        if (!trade.clientId().equals(client.clientId())) {
            throw new IllegalArgumentException("trade " + trade.eventId() + " belongs to client " + trade.clientId()
                    + ", not " + client.clientId());
        }
        if (path.isEmpty()) {
            return EngineResult.nothing();
        }
        if (client.isSelfReferredBy(path.getFirst())) {
            return EngineResult.excluded(Exclusion.selfReferral(path.getFirst(), trade.eventId()));
        }
        return orWaiting(() -> new TradeCommissions(trade, List.copyOf(path), client,
                directPartnerMonthLotsBefore.value(), fx).compute(), EngineResult::waitingFor);
    }

    /**
     * The direct partner's CPA line, dated when the client met the last condition, or nothing if it has
     * not qualified (with an exclusion saying why, once it has a first deposit).
     */
    public EngineResult cpa(PartnerOnPath directPartner, ClientHistory history) {
        return orWaiting(() -> CpaQualification.qualify(directPartner, history, fx), EngineResult::waitingFor);
    }

    /**
     * The month's REVENUE_SHARE line of a partner from its direct clients' trades closed in the month,
     * and the loss to carry into the next month.
     *
     * @param lossCarriedIn the loss carried out of the previous month: a non-negative amount in the
     *                      partner's payout currency
     */
    public RevenueShareResult revenueShare(PartnerOnPath partner, YearMonth month, List<ClosedTrade> directClientTrades,
                                           BigDecimal lossCarriedIn) {
        if (lossCarriedIn.signum() < 0) {
            throw new IllegalArgumentException("a carried loss is a positive amount, got " + lossCarriedIn);
        }
        return orWaiting(() -> MonthEnd.revenueShare(partner, month, directClientTrades, lossCarriedIn, fx),
                missing -> new RevenueShareResult(EngineResult.waitingFor(missing), lossCarriedIn));
    }

    /**
     * The RETROACTIVE tier true-up of a month: every lot of the month at the final tier, minus what
     * the running tiers already accrued. Negative if tiers pay less as volume grows.
     */
    public EngineResult retroactiveTrueUp(PartnerOnPath partner, YearMonth month, Lots monthLots,
                                          BigDecimal accruedAtRunningTiers) {
        return MonthEnd.retroactiveTrueUp(partner, month, monthLots, accruedAtRunningTiers);
    }

    private static <T> T orWaiting(Supplier<T> computation, Function<MissingFxRate, T> waiting) {
        try {
            return computation.get();
        } catch (MissingFxRateException e) {
            return waiting.apply(e.missingRate());
        }
    }
}
