package com.ibportal.commissions;

import com.ibportal.clients.ClientService;
import com.ibportal.clients.DirectClientActivity;
import com.ibportal.commissions.engine.LineDraft;
import com.ibportal.commissions.engine.LineStatus;
import com.ibportal.commissions.engine.RuleKind;
import com.ibportal.partners.PartnerService;
import com.ibportal.program.ProgramService;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.UtcColumns;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the ledger: a partner's lines with their explanations, and its summary. IBs see their subtree only. */
@Service
public class LedgerService {

    /** The most lines one call returns; a range with more is refused rather than cut silently. */
    public static final int MAX_LINES = 10_000;

    private final Ledger ledger;
    private final CommissionFacts facts;
    private final PartnerService partners;
    private final ClientService clients;
    private final ProgramService program;
    private final JdbcClient jdbc;

    LedgerService(Ledger ledger, CommissionFacts facts, PartnerService partners, ClientService clients,
                  ProgramService program, JdbcClient jdbc) {
        this.ledger = ledger;
        this.facts = facts;
        this.partners = partners;
        this.clients = clients;
        this.program = program;
        this.jdbc = jdbc;
    }

    /** The partner's lines dated in [from, to] (UTC dates, both inclusive), optionally of one status. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<LedgerLineView> lines(String partnerCode, LocalDate from, LocalDate to, LineStatus status) {
        partners.get(partnerCode);
        checkRange(from, to);
        List<Ledger.PostedLine> lines = ledger.linesOf(partnerCode, start(from), start(to.plusDays(1)), status, MAX_LINES + 1);
        if (lines.size() > MAX_LINES) {
            throw InvalidInputException.of("from", "more than " + MAX_LINES + " lines in this range; ask for a shorter one");
        }
        return lines.stream().map(LedgerService::view).toList();
    }

    /**
     * The partner's lines that pass the filter, each with the line reversing it. Refused with an
     * InvalidInputException naming {@code from} when more than {@link #MAX_LINES} lines match.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<LedgerEntry> entries(String partnerCode, LedgerFilter filter) {
        partners.get(partnerCode);
        checkRange(filter.from(), filter.to());
        List<Ledger.PostedEntry> entries = ledger.entriesOf(partnerCode, start(filter.from()), start(filter.to().plusDays(1)),
                filter, MAX_LINES + 1);
        if (entries.size() > MAX_LINES) {
            throw InvalidInputException.of("from", "more than " + MAX_LINES + " lines in this range; ask for a shorter one");
        }
        return entries.stream().map(e -> new LedgerEntry(view(e.posted()), e.reversedBy())).toList();
    }

    /** The sub-IBs whose clients produced the partner's override lines dated in [from, to], by code. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<String> overrideSources(String partnerCode, LocalDate from, LocalDate to) {
        partners.get(partnerCode);
        checkRange(from, to);
        return ledger.overrideSourcesOf(partnerCode, start(from), start(to.plusDays(1)));
    }

    private static LedgerLineView view(Ledger.PostedLine p) {
        LineDraft l = p.written().line();
        return new LedgerLineView(p.written().id(), l.partnerCode(), l.eventId(), l.clientId(), l.rule().name(), l.level(),
                l.amount(), l.currency().code(), p.written().status().name(), l.explanation(), l.reversalOf(),
                l.occurredAt(), p.postedAt(), l.planCode(), l.planVersion(), l.sourcePartnerCode());
    }

    /** Why the partner earned nothing from events dated in [from, to]. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ExcludedEvent> exclusions(String partnerCode, LocalDate from, LocalDate to) {
        partners.get(partnerCode);
        checkRange(from, to);
        return ledger.exclusionsOf(partnerCode, start(from), start(to.plusDays(1)), MAX_LINES);
    }

    /**
     * Activity of the partner's own clients and the sums of its own lines of every level over [from, to],
     * in the currency most of its lines are in (the program's payout currency when it has none).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public CommissionSummary summary(String partnerCode, LocalDate from, LocalDate to) {
        partners.get(partnerCode);
        checkRange(from, to);
        Instant start = start(from);
        Instant end = start(to.plusDays(1));
        List<Object[]> sums = jdbc.sql("""
                        SELECT currency, status, rule, level, SUM(amount) AS amount, COUNT(*) AS n FROM ledger_line
                        WHERE partner_code = :partner AND occurred_at >= :from AND occurred_at < :to
                        GROUP BY currency, status, rule, level
                        """).param("partner", partnerCode).param("from", UtcColumns.param(start))
                .param("to", UtcColumns.param(end))
                .query((rs, row) -> new Object[]{rs.getString("currency"), rs.getString("status"), rs.getString("rule"),
                        rs.getInt("level"), rs.getBigDecimal("amount"), rs.getLong("n")})
                .list();
        String currency = mainCurrency(sums);
        BigDecimal total = BigDecimal.ZERO.setScale(LineDraft.SCALE);
        Map<String, BigDecimal> byStatus = new LinkedHashMap<>();
        for (LineStatus status : LineStatus.values()) {
            byStatus.put(status.name(), total);
        }
        Map<String, BigDecimal> byRule = new TreeMap<>();
        Map<String, BigDecimal> byLevel = new TreeMap<>();
        Map<String, BigDecimal> otherCurrencies = new TreeMap<>();
        for (Object[] row : sums) {
            BigDecimal amount = (BigDecimal) row[4];
            if (!currency.equals(row[0])) {
                otherCurrencies.merge((String) row[0], amount, BigDecimal::add);
                continue;
            }
            total = total.add(amount);
            byStatus.merge((String) row[1], amount, BigDecimal::add);
            byRule.merge(RuleKind.valueOf((String) row[2]).name(), amount, BigDecimal::add);
            byLevel.merge(String.valueOf(row[3]), amount, BigDecimal::add);
        }
        DirectClientActivity activity = clients.directClientActivity(partnerCode, start, end);
        Map<String, BigDecimal> otherFtds = new TreeMap<>(activity.ftdAmountByCurrency());
        BigDecimal ftdAmount = otherFtds.remove(currency);
        return new CommissionSummary(partnerCode, from, to, currency, activity.registrations(), activity.ftds(),
                ftdAmount == null ? BigDecimal.ZERO.setScale(LineDraft.SCALE) : ftdAmount,
                lotsText(facts.lots(partnerCode, start, end)),
                new CommissionSummary.Commission(total, byStatus, byRule, byLevel), otherFtds, otherCurrencies);
    }

    private String mainCurrency(List<Object[]> sums) {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : sums) {
            counts.merge((String) row[0], (Long) row[5], Long::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElseGet(() -> program.programForInternalUse().payoutCurrency());
    }

    /** Lots as people write them: at least two decimals, no trailing zeros beyond. */
    private static BigDecimal lotsText(BigDecimal lots) {
        BigDecimal stripped = lots.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw InvalidInputException.of(from == null ? "from" : "to", "is required (YYYY-MM-DD)");
        }
        if (to.isBefore(from)) {
            throw InvalidInputException.of("to", "must not be before from");
        }
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
