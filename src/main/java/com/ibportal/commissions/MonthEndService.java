package com.ibportal.commissions;

import com.ibportal.commissions.engine.ClosedTrade;
import com.ibportal.commissions.engine.CommissionEngine;
import com.ibportal.commissions.engine.EngineResult;
import com.ibportal.commissions.engine.LineDraft;
import com.ibportal.commissions.engine.PartnerOnPath;
import com.ibportal.commissions.engine.PlanVersion;
import com.ibportal.commissions.engine.RevenueShareResult;
import com.ibportal.commissions.engine.Rule;
import com.ibportal.commissions.engine.TierMode;
import com.ibportal.security.CurrentUser;
import com.ibportal.security.SystemActor;
import com.ibportal.shared.Hashing;
import com.ibportal.shared.Lots;
import com.ibportal.shared.UtcColumns;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Month-end rules: REVENUE_SHARE (with loss carry-forward) and the RETROACTIVE tier true-up, for every
 * partner whose plan at the month's end holds them. Run by the payout period close or on demand;
 * idempotent: a partner's month is computed once and recorded, and a second run reports it as done.
 */
@Service
public class MonthEndService {

    private static final String ZERO = "0.0000";

    private final JdbcClient jdbc;
    private final PlanService plans;
    private final CommissionEngine engine;
    private final Ledger ledger;
    private final Clock clock;
    private final CurrentUser currentUser;

    MonthEndService(JdbcClient jdbc, PlanService plans, CommissionEngine engine, Ledger ledger, Clock clock,
                    CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.engine = engine;
        this.ledger = ledger;
        this.clock = clock;
        this.currentUser = currentUser;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional
    public MonthEndReport run(YearMonth month) {
        Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant lastSecond = end.minusSeconds(1);
        // Serialises runs: two finance users or two instances closing at once compute each month once.
        jdbc.sql("SELECT GET_LOCK('ibportal-month-end', 60)").query(Integer.class).single();
        try {
            List<String> candidates = jdbc.sql("""
                            SELECT DISTINCT p.code FROM partner_plan pp JOIN partner p ON p.id = pp.partner_id ORDER BY p.code
                            """).query(String.class).list();
            // Plan lookups are the ledger's own work, whoever asked for the run.
            Map<String, PlanVersion> versions = SystemActor.call(() -> plans.planVersionsAt(candidates, lastSecond));
            Map<String, String> emails = emails(candidates);
            List<MonthEndReport.Entry> entries = new ArrayList<>();
            for (String code : candidates) {
                PlanVersion plan = versions.get(code);
                if (plan == null) {
                    continue;
                }
                PartnerOnPath partner = new PartnerOnPath(code, emails.get(code), plan);
                if (plan.rules().stream().anyMatch(Rule.RevenueShare.class::isInstance)) {
                    entries.add(revenueShare(partner, month, start, end));
                }
                if (plan.rules().stream().anyMatch(r -> r instanceof Rule.TieredPerLot t && t.mode() == TierMode.RETROACTIVE)) {
                    entries.add(trueUp(partner, month, start, end));
                }
            }
            return new MonthEndReport(month, entries);
        } finally {
            jdbc.sql("SELECT RELEASE_LOCK('ibportal-month-end')").query(Integer.class).single();
        }
    }

    private MonthEndReport.Entry revenueShare(PartnerOnPath partner, YearMonth month, Instant start, Instant end) {
        String rule = "REVENUE_SHARE";
        Optional<MonthEndReport.Entry> done = alreadyDone(partner, month, rule);
        if (done.isPresent()) {
            return done.get();
        }
        BigDecimal lossIn = jdbc.sql("""
                        SELECT loss_carried_out FROM commission_month_end
                        WHERE partner_code = :partner AND month = :month AND rule = :rule
                        """).param("partner", partner.partnerCode()).param("month", month.minusMonths(1).toString())
                .param("rule", rule).query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
        RevenueShareResult result = engine.revenueShare(partner, month, eligibleDirectTrades(partner, start, end), lossIn);
        if (result.outcome().isWaitingForFxRate()) {
            return waiting(partner, rule, result.outcome());
        }
        return written(partner, month, rule, result.outcome(), result.lossCarriedOut());
    }

    private MonthEndReport.Entry trueUp(PartnerOnPath partner, YearMonth month, Instant start, Instant end) {
        String rule = "TIERED_PER_LOT";
        Optional<MonthEndReport.Entry> done = alreadyDone(partner, month, rule);
        if (done.isPresent()) {
            return done.get();
        }
        BigDecimal lots = jdbc.sql("""
                        SELECT COALESCE(SUM(lots), 0) FROM commission_trade
                        WHERE direct_partner_code = :partner AND computed AND closed_at >= :start AND closed_at < :end
                        """).param("partner", partner.partnerCode()).param("start", UtcColumns.param(start))
                .param("end", UtcColumns.param(end)).query(BigDecimal.class).single();
        BigDecimal accrued = jdbc.sql("""
                        SELECT COALESCE(SUM(amount), 0) FROM ledger_line
                        WHERE partner_code = :partner AND level = 0 AND rule = 'TIERED_PER_LOT'
                          AND occurred_at >= :start AND occurred_at < :end AND client_id IS NOT NULL
                        """).param("partner", partner.partnerCode()).param("start", UtcColumns.param(start))
                .param("end", UtcColumns.param(end)).query(BigDecimal.class).single();
        EngineResult result = engine.retroactiveTrueUp(partner, month, Lots.of(lots), accrued);
        return written(partner, month, rule, result, BigDecimal.ZERO);
    }

    /** Trades of the partner's direct clients closed in the month, without ineligible or self-referred clients. */
    private List<ClosedTrade> eligibleDirectTrades(PartnerOnPath partner, Instant start, Instant end) {
        return jdbc.sql("SELECT " + CommissionFacts.TRADE_COLUMNS + " " + """
                        FROM commission_trade t JOIN client c ON c.external_id = t.client_id
                        WHERE t.direct_partner_code = :partner AND t.computed AND t.closed_at >= :start AND t.closed_at < :end
                          AND c.kyc_status NOT IN ('REJECTED', 'FLAGGED', 'DUPLICATE')
                          AND (c.email_hash IS NULL OR :emailHash IS NULL OR c.email_hash <> :emailHash)
                        ORDER BY t.closed_at, t.id""")
                .param("partner", partner.partnerCode()).param("emailHash", partner.email() == null ? null
                        : Hashing.sha256Hex(partner.email().trim().toLowerCase(Locale.ROOT)))
                .param("start", UtcColumns.param(start)).param("end", UtcColumns.param(end))
                .query((rs, row) -> CommissionFacts.storedTrade(rs, row).trade()).list();
    }

    private Optional<MonthEndReport.Entry> alreadyDone(PartnerOnPath partner, YearMonth month, String rule) {
        return jdbc.sql("""
                        SELECT amount, loss_carried_out, computed_at FROM commission_month_end
                        WHERE partner_code = :partner AND month = :month AND rule = :rule
                        """).param("partner", partner.partnerCode()).param("month", month.toString()).param("rule", rule)
                .query((rs, row) -> new MonthEndReport.Entry(partner.partnerCode(), rule, "ALREADY_DONE",
                        rs.getBigDecimal("amount"), partner.planVersion().payoutCurrency().code(),
                        rs.getBigDecimal("loss_carried_out"), "computed at " + UtcColumns.read(rs, "computed_at")))
                .optional();
    }

    private MonthEndReport.Entry waiting(PartnerOnPath partner, String rule, EngineResult result) {
        var missing = result.missingFxRate().orElseThrow();
        return new MonthEndReport.Entry(partner.partnerCode(), rule, "WAITING", null,
                partner.planVersion().payoutCurrency().code(), null,
                "waiting for the " + missing.base() + "/" + missing.quote() + " rate of " + missing.utcDate());
    }

    private MonthEndReport.Entry written(PartnerOnPath partner, YearMonth month, String rule, EngineResult result,
                                         BigDecimal lossOut) {
        ledger.post(result.lines());
        BigDecimal amount = result.lines().stream().map(LineDraft::amount).reduce(BigDecimal::add)
                .orElse(new BigDecimal(ZERO));
        jdbc.sql("""
                        INSERT INTO commission_month_end (partner_code, month, rule, amount, loss_carried_out, computed_at, computed_by)
                        VALUES (:partner, :month, :rule, :amount, :loss, :now, :by)
                        """).param("partner", partner.partnerCode()).param("month", month.toString()).param("rule", rule)
                .param("amount", amount).param("loss", lossOut).param("now", UtcColumns.param(clock.instant()))
                .param("by", currentUser.actorName()).update();
        return new MonthEndReport.Entry(partner.partnerCode(), rule, result.lines().isEmpty() ? "NOTHING_OWED" : "WRITTEN",
                amount, partner.planVersion().payoutCurrency().code(), lossOut,
                result.lines().isEmpty() ? "nothing owed" : result.lines().getFirst().explanation());
    }

    private Map<String, String> emails(List<String> codes) {
        Map<String, String> emails = new java.util.HashMap<>();
        if (!codes.isEmpty()) {
            jdbc.sql("SELECT code, email FROM partner WHERE code IN (:codes)").param("codes", codes)
                    .query(rs -> {
                        emails.put(rs.getString("code"), rs.getString("email"));
                    });
        }
        return emails;
    }
}
