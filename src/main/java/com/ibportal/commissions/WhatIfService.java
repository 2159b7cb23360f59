package com.ibportal.commissions;

import com.ibportal.commissions.CommissionFacts.RevenueBucket;
import com.ibportal.commissions.CommissionFacts.StoredTrade;
import com.ibportal.commissions.engine.EngineResult;
import com.ibportal.commissions.engine.FxRates;
import com.ibportal.commissions.engine.LineDraft;
import com.ibportal.commissions.engine.PartnerOnPath;
import com.ibportal.commissions.engine.PlanVersion;
import com.ibportal.commissions.engine.Rule;
import com.ibportal.commissions.engine.TierMode;
import com.ibportal.partners.PartnerService;
import com.ibportal.shared.CurrencyCode;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.InvalidInputException.FieldProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a draft plan would have paid over a past period, beside what the plans in force pay, and whether a plan pays
 * more per lot than the broker earns. Computes through {@link TradeLines} like posting and replay do, and writes
 * nothing: no lines, no exclusions, no plan version.
 */
@Service
public class WhatIfService {

    /** Rows of the per-partner list; the biggest differences come first, so what is cut changes least. */
    public static final int MAX_PARTNERS = 500;
    private static final int PAGE = 1_000;

    private final CommissionFacts facts;
    private final TradeLines tradeLines;
    private final Ledger ledger;
    private final PlanService plans;
    private final PartnerService partners;
    private final FxRateService fxRates;

    WhatIfService(CommissionFacts facts, TradeLines tradeLines, Ledger ledger, PlanService plans, PartnerService partners,
                  FxRateService fxRates) {
        this.facts = facts;
        this.tradeLines = tradeLines;
        this.ledger = ledger;
        this.plans = plans;
        this.partners = partners;
        this.fxRates = fxRates;
    }

    /**
     * Runs {@code draft}, as the next version of plan {@code planCode}, over the computed trades closed in
     * [from, to] (UTC dates, inclusive). The draft replaces the plan of every partner that holds {@code planCode} at
     * a trade's close, or, with {@code partnerCodeOrNull}, the plan of that partner only, whatever it holds. Per-trade
     * rules only: CPA and month-end rules are left out (the report's notes say so). The draft is checked as a PUT
     * would check it; its errors name fields under {@code draft.}.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public WhatIfReport simulate(String planCode, PlanDocument draft, String partnerCodeOrNull, LocalDate from, LocalDate to) {
        return simulate(planCode, draft, partnerCodeOrNull, from, to, MAX_PARTNERS);
    }

    /** As {@link #simulate(String, PlanDocument, String, LocalDate, LocalDate)} with another cap on the partner list. */
    WhatIfReport simulate(String planCode, PlanDocument draft, String partnerCodeOrNull, LocalDate from, LocalDate to,
                          int maxPartners) {
        checkRange(from, to);
        checkDocument("draft", planCode, draft);
        PlanDetails plan = plans.get(planCode);
        String partnerCode = partnerCodeOrNull == null || partnerCodeOrNull.isBlank() ? null : partnerCodeOrNull.trim();
        if (partnerCode != null && partners.findForProcessing(partnerCode).isEmpty()) {
            throw InvalidInputException.of("partnerCode", "no partner with code " + partnerCode);
        }
        int draftVersion = plan.latest().version() + 1;
        PlanVersion draftPlan = draft.toPlanVersion(planCode, draftVersion);
        Instant start = start(from);
        Instant end = end(to);

        Map<String, Row> rows = new HashMap<>();
        long trades = 0;
        long affected = 0;
        long notSimulated = 0;
        String firstMissingRate = null;
        Instant afterClosed = Instant.EPOCH;
        long afterId = 0;
        List<StoredTrade> page;
        do {
            page = facts.computedTradesBetween(start, end, afterClosed, afterId, PAGE);
            for (StoredTrade stored : page) {
                trades++;
                afterClosed = stored.trade().closedAt();
                afterId = stored.id();
                if (!(tradeLines.context(stored.trade()) instanceof TradeLines.Context.Payable payable)) {
                    continue;
                }
                List<PartnerOnPath> draftPath = swap(payable.path(), planCode, partnerCode, draftPlan);
                EngineResult current = tradeLines.compute(stored.trade(), payable, UnaryOperator.identity());
                boolean changed = draftPath != payable.path();
                EngineResult simulated = changed ? tradeLines.compute(stored.trade(), payable, path -> draftPath) : current;
                affected += changed ? 1 : 0;
                // A trade that cannot be computed both ways is left out of both, so the two stay comparable.
                Optional<String> missing = current.missingFxRate().or(simulated::missingFxRate)
                        .map(m -> m.base().code() + m.quote().code() + " on " + m.utcDate());
                if (missing.isPresent()) {
                    notSimulated++;
                    firstMissingRate = firstMissingRate == null ? missing.get() : firstMissingRate;
                    continue;
                }
                for (LineDraft line : current.lines()) {
                    row(rows, line.partnerCode(), line.currency()).addRecomputed(line.amount(), stored.id());
                }
                for (LineDraft line : simulated.lines()) {
                    row(rows, line.partnerCode(), line.currency()).addDraft(line.amount(), stored.id());
                }
            }
        } while (page.size() == PAGE);
        for (Ledger.PartnerTotal total : ledger.activeTradeLineTotals(start, end)) {
            row(rows, total.partnerCode(), total.currency()).ledger = total.amount();
        }

        List<WhatIfReport.PartnerResult> results = rows.values().stream().map(Row::result)
                .sorted(Comparator.comparing((WhatIfReport.PartnerResult r) -> r.difference().abs()).reversed()
                        .thenComparing(WhatIfReport.PartnerResult::partnerCode).thenComparing(WhatIfReport.PartnerResult::currency))
                .toList();
        boolean truncated = results.size() > maxPartners;
        List<String> notes = notes(plan, draftPlan, partnerCode, results, notSimulated, firstMissingRate, truncated, maxPartners);
        return new WhatIfReport(planCode, draftVersion, partnerCode, from, to, trades, affected, totals(results),
                truncated ? results.subList(0, maxPartners) : results, results.size(), truncated,
                payoutWarnings(draftPlan, from, to), notes);
    }

    /**
     * For each symbol group of {@code plan}, whether the plan would pay more per lot along a full upline holding it
     * than the broker earned per lot on that group over the stored trades closed in [from, to]: revenue is the
     * trade's spread revenue plus the commission the client paid. Groups that pay no more than they earn are not
     * listed; groups without data are, as {@link PayoutWarning.Kind#NO_REVENUE_DATA}.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<PayoutWarning> payoutAboveRevenue(PlanDocument plan, LocalDate from, LocalDate to) {
        checkRange(from, to);
        checkDocument("plan", "PLAN", plan);
        return payoutWarnings(plan.toPlanVersion("PLAN", 1), from, to);
    }

    private List<PayoutWarning> payoutWarnings(PlanVersion plan, LocalDate from, LocalDate to) {
        CurrencyCode currency = plan.payoutCurrency();
        Map<String, Revenue> byGroup = new LinkedHashMap<>();
        plan.symbolGroups().forEach(group -> byGroup.put(group.name(), new Revenue()));
        FxRates rates = fxRates.fxRates();
        for (RevenueBucket bucket : facts.revenueBetween(start(from), end(to))) {
            Optional<String> group = plan.symbolGroupOf(bucket.symbol());
            if (group.isEmpty()) {
                continue;
            }
            Revenue revenue = byGroup.get(group.get());
            BigDecimal rate = BigDecimal.ONE;
            if (!bucket.currency().equals(currency)) {
                Optional<BigDecimal> found = rates.rate(bucket.day(), bucket.currency(), currency);
                if (found.isEmpty()) {
                    revenue.lotsWithoutRate = revenue.lotsWithoutRate.add(bucket.lots());
                    continue;
                }
                rate = found.get();
            }
            revenue.lots = revenue.lots.add(bucket.lots());
            revenue.spread = revenue.spread.add(bucket.spreadRevenue().multiply(rate));
            // Platforms report the commission as the client sees it: negative when the client paid it to the broker.
            revenue.commission = revenue.commission.add(bucket.commission().negate().multiply(rate));
        }
        String period = from + ".." + to;
        List<PayoutWarning> warnings = new ArrayList<>();
        byGroup.forEach((group, revenue) -> {
            String withoutRate = revenue.lotsWithoutRate.signum() == 0 ? ""
                    : "; " + plain(revenue.lotsWithoutRate) + " lots left out for lack of an FX rate into " + currency;
            if (revenue.lots.signum() <= 0) {
                PayoutPerLot.Ceiling ceiling = PayoutPerLot.of(plan, group, BigDecimal.ZERO);
                warnings.add(new PayoutWarning(group, PayoutWarning.Kind.NO_REVENUE_DATA, ceiling.amount(), null, currency.code(),
                        BigDecimal.ZERO.setScale(4), group + ": no revenue data in " + period + " (no stored trade of the group"
                        + " reports a spread revenue or commission" + withoutRate + "); the plan pays up to "
                        + plain(ceiling.amount()) + " " + currency + " per lot (" + ceiling.itemised() + ")"));
                return;
            }
            BigDecimal spreadPerLot = revenue.spread.divide(revenue.lots, 10, RoundingMode.HALF_EVEN);
            BigDecimal commissionPerLot = revenue.commission.divide(revenue.lots, 10, RoundingMode.HALF_EVEN);
            BigDecimal revenuePerLot = PayoutPerLot.round(spreadPerLot.add(commissionPerLot));
            PayoutPerLot.Ceiling ceiling = PayoutPerLot.of(plan, group, spreadPerLot);
            if (ceiling.amount().compareTo(revenuePerLot) > 0) {
                warnings.add(new PayoutWarning(group, PayoutWarning.Kind.PAYOUT_ABOVE_REVENUE, ceiling.amount(), revenuePerLot,
                        currency.code(), PayoutPerLot.round(revenue.lots), group + ": the plan pays up to "
                        + plain(ceiling.amount()) + " " + currency + " per lot along a full upline (" + ceiling.itemised()
                        + ") but the broker earned " + plain(revenuePerLot) + " " + currency + " per lot (spread "
                        + plain(PayoutPerLot.round(spreadPerLot)) + " + commission " + plain(PayoutPerLot.round(commissionPerLot))
                        + " over " + plain(revenue.lots) + " lots, " + period + withoutRate + ")"));
            }
        });
        return warnings;
    }

    /** The path with the draft in place of the chosen partners' plans; the same list when nothing changes. */
    private static List<PartnerOnPath> swap(List<PartnerOnPath> path, String planCode, String partnerCode, PlanVersion draft) {
        List<PartnerOnPath> swapped = null;
        for (int i = 0; i < path.size(); i++) {
            PartnerOnPath partner = path.get(i);
            boolean gets = partnerCode != null ? partner.partnerCode().equals(partnerCode)
                    : partner.planVersion() != null && partner.planVersion().planCode().equals(planCode);
            if (gets) {
                if (swapped == null) {
                    swapped = new ArrayList<>(path);
                }
                swapped.set(i, new PartnerOnPath(partner.partnerCode(), partner.email(), draft));
            }
        }
        return swapped == null ? path : swapped;
    }

    private static List<String> notes(PlanDetails plan, PlanVersion draft, String partnerCode,
                                      List<WhatIfReport.PartnerResult> results, long notSimulated, String firstMissingRate,
                                      boolean truncated, int maxPartners) {
        List<String> notes = new ArrayList<>();
        notes.add(partnerCode == null
                ? "The draft replaces plan " + plan.code() + " for every partner holding it at each trade's close."
                : "The draft replaces the plan of " + partnerCode + " only, whatever plan it held.");
        notes.add("Per-trade rules only (PER_LOT, SPREAD_SHARE, TIERED_PER_LOT, OVERRIDE): CPA is paid once per client when"
                + " it qualifies and month-end rules (REVENUE_SHARE, the RETROACTIVE tier true-up) when a month closes,"
                + " so neither is part of a per-trade what-if; the ledger figures leave out CPA lines too.");
        if (holds(draft, Rule.Cpa.class) || holds(draft, Rule.RevenueShare.class) || draft.rules().stream()
                .anyMatch(r -> r instanceof Rule.TieredPerLot t && t.mode() == TierMode.RETROACTIVE)) {
            notes.add("The draft holds CPA, REVENUE_SHARE or a RETROACTIVE tier: what those would pay is not in these figures.");
        }
        long ledgerMismatches = results.stream().filter(r -> r.currentLedger().compareTo(r.recomputedCurrent()) != 0).count();
        if (ledgerMismatches > 0) {
            notes.add(ledgerMismatches + " partner row(s) differ between the ledger and the recomputation with the current"
                    + " plans: a plan or an assignment changed after the lines were written, or a reversal is dated"
                    + " in the period (run a replay for the lines).");
        }
        if (notSimulated > 0) {
            notes.add(notSimulated + " trade(s) were left out of both recomputations for lack of an FX rate (first: "
                    + firstMissingRate + "); the ledger figures still count them.");
        }
        if (truncated) {
            notes.add("Only the " + maxPartners + " partner rows with the biggest differences of " + results.size()
                    + " are listed; the totals cover them all.");
        }
        return notes;
    }

    private static boolean holds(PlanVersion plan, Class<? extends Rule> kind) {
        return plan.rules().stream().anyMatch(kind::isInstance);
    }

    private static List<WhatIfReport.Totals> totals(List<WhatIfReport.PartnerResult> results) {
        Map<String, BigDecimal[]> byCurrency = new TreeMap<>();
        for (WhatIfReport.PartnerResult r : results) {
            BigDecimal[] sums = byCurrency.computeIfAbsent(r.currency(), c -> new BigDecimal[] {zero(), zero(), zero()});
            sums[0] = sums[0].add(r.currentLedger());
            sums[1] = sums[1].add(r.recomputedCurrent());
            sums[2] = sums[2].add(r.draft());
        }
        return byCurrency.entrySet().stream().map(e -> new WhatIfReport.Totals(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2], e.getValue()[2].subtract(e.getValue()[1]))).toList();
    }

    private static Row row(Map<String, Row> rows, String partnerCode, CurrencyCode currency) {
        return rows.computeIfAbsent(partnerCode + "|" + currency.code(), key -> new Row(partnerCode, currency.code()));
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        List<FieldProblem> problems = new ArrayList<>();
        if (from == null) {
            problems.add(new FieldProblem("from", "is required (YYYY-MM-DD)"));
        }
        if (to == null) {
            problems.add(new FieldProblem("to", "is required (YYYY-MM-DD)"));
        } else if (from != null && to.isBefore(from)) {
            problems.add(new FieldProblem("to", "must not be before from"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** A PUT's checks, with the fields named under {@code field} as the request names them ({@code draft.rules[0]…}). */
    private static void checkDocument(String field, String planCode, PlanDocument document) {
        if (document == null) {
            throw InvalidInputException.of(field, "is required: a plan as JSON");
        }
        try {
            PlanService.validate(planCode, document);
        } catch (InvalidInputException invalid) {
            throw under(field, invalid);
        }
    }

    /** The same problems with their fields named under {@code prefix}. */
    static InvalidInputException under(String prefix, InvalidInputException invalid) {
        return new InvalidInputException(invalid.problems().stream()
                .map(p -> new FieldProblem(prefix + "." + p.field(), p.message())).toList());
    }

    private static Instant start(LocalDate from) {
        return from.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static Instant end(LocalDate to) {
        return to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(LineDraft.SCALE);
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }

    /** Revenue of one symbol group, converted into the plan's currency. */
    private static final class Revenue {
        BigDecimal lots = BigDecimal.ZERO;
        BigDecimal spread = BigDecimal.ZERO;
        BigDecimal commission = BigDecimal.ZERO;
        BigDecimal lotsWithoutRate = BigDecimal.ZERO;
    }

    /** One partner's figures in one currency, and the trades they come from. */
    private static final class Row {
        final String partnerCode;
        final String currency;
        BigDecimal ledger = zero();
        BigDecimal recomputed = zero();
        BigDecimal draft = zero();
        long trades;
        long lastTradeId = -1;

        Row(String partnerCode, String currency) {
            this.partnerCode = Objects.requireNonNull(partnerCode);
            this.currency = currency;
        }

        void addRecomputed(BigDecimal amount, long tradeId) {
            recomputed = recomputed.add(amount);
            count(tradeId);
        }

        void addDraft(BigDecimal amount, long tradeId) {
            draft = draft.add(amount);
            count(tradeId);
        }

        private void count(long tradeId) {
            if (tradeId != lastTradeId) {
                trades++;
                lastTradeId = tradeId;
            }
        }

        WhatIfReport.PartnerResult result() {
            return new WhatIfReport.PartnerResult(partnerCode, currency, ledger.setScale(LineDraft.SCALE, RoundingMode.HALF_EVEN),
                    recomputed, draft, draft.subtract(recomputed), trades);
        }
    }
}
