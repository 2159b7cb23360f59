package com.ibportal.payouts;

import com.ibportal.program.ProgramService;
import com.ibportal.security.AuditTrail;
import com.ibportal.security.CurrentUser;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statements: reading them (an IB only its own; anything else is "not found"), the workflow DRAFT → APPROVED →
 * PAID with every step audited and published, and the exports (lines as CSV, the statement as PDF, and the
 * payout file of a period's approved statements).
 */
@Service
public class StatementService {

    /** The most statements one list returns; more is refused rather than cut silently. */
    public static final int MAX_STATEMENTS = 10_000;

    private final PayoutStore store;
    private final ProgramService program;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StatementService(PayoutStore store, ProgramService program, AuditTrail audit, CurrentUser currentUser,
                     ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.program = program;
        this.audit = audit;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** Statements matching every given filter (null: any); an IB gets its own only. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<StatementSummary> statements(YearMonth period, StatementStatus status, String partnerCode,
                                             BigDecimal minTotal) {
        PortalUser user = currentUser.require();
        String partner = partnerCode == null || partnerCode.isBlank() ? null : partnerCode.trim();
        if (user.role() == Role.IB) {
            if (partner != null && !partner.equals(user.partnerCode())) {
                return List.of();
            }
            partner = user.partnerCode();
        }
        Long periodId = null;
        if (period != null) {
            var stored = store.period(PeriodKind.MONTHLY, PeriodKind.start(period));
            if (stored.isEmpty()) {
                return List.of();
            }
            periodId = stored.get().id();
        }
        List<PayoutStore.StoredStatement> found = store.statements(periodId, status, partner, minTotal, MAX_STATEMENTS + 1);
        if (found.size() > MAX_STATEMENTS) {
            throw InvalidInputException.of("period", "more than " + MAX_STATEMENTS + " statements; filter by period or status");
        }
        return found.stream().map(PayoutStore.StoredStatement::summary).toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public StatementDetails statement(long id) {
        return details(visible(id));
    }

    /** DRAFT → APPROVED; approving an approved statement changes nothing. PAID or CARRIED is a conflict. */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional
    public StatementDetails approve(long id) {
        approveOne(id);
        return details(store.statement(id).orElseThrow());
    }

    /** Approves every listed statement, or none: one that is PAID or CARRIED, or missing, refuses the whole request. */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional
    public List<StatementSummary> approveAll(List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw InvalidInputException.of("ids", "must list at least one statement");
        }
        List<StatementSummary> approved = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(ids)) {
            if (id == null) {
                throw InvalidInputException.of("ids", "must not contain null");
            }
            approveOne(id);
            approved.add(store.statement(id).orElseThrow().summary());
        }
        return approved;
    }

    /**
     * APPROVED → PAID: its lines, and those of the CARRIED statements whose balance it took in, move to PAID.
     * Recording the same payment again changes nothing; a different one for a paid statement is a conflict.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional
    public StatementDetails markPaid(long id, Payment payment) {
        Payment valid = validate(payment);
        PayoutStore.StoredStatement statement = store.statementForUpdate(id)
                .orElseThrow(() -> new NotFoundException("statement " + id));
        StatementSummary s = statement.summary();
        if (s.status() == StatementStatus.PAID) {
            if (Objects.equals(s.paymentReference(), valid.reference()) && Objects.equals(s.paidOn(), valid.paidOn())) {
                return details(statement);
            }
            throw new ConflictException("statement " + id + " was already paid on " + s.paidOn() + " (reference "
                    + s.paymentReference() + ")");
        }
        if (s.status() != StatementStatus.APPROVED) {
            throw new ConflictException("statement " + id + " is " + s.status() + "; only an APPROVED statement can be paid");
        }
        Instant now = clock.instant();
        String by = currentUser.actorName();
        store.markPaid(id, valid, now, by);
        List<Long> settled = new ArrayList<>();
        settled.add(id);
        Long carried = statement.carriedFromId();
        while (carried != null) {
            PayoutStore.StoredStatement previous = store.statement(carried).orElseThrow();
            settled.add(carried);
            carried = previous.carriedFromId();
        }
        int lines = store.markLinesPaid(settled);
        audit.record("STATEMENT_PAID", "statement " + id, s.partnerCode() + " " + s.period() + " " + s.total() + " "
                + s.currency() + ", reference " + valid.reference() + ", paid on " + valid.paidOn() + ", " + lines
                + " lines PAID");
        events.publishEvent(new StatementPaid(id, s.partnerCode(), s.period(), s.total(), s.currency(), valid.reference(),
                valid.paidOn(), by, now));
        return details(store.statement(id).orElseThrow());
    }

    /** The statement's lines as CSV (UTF-8, comma separated, RFC 4180 quoting). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public String csv(long id) {
        return StatementCsv.lines(details(visible(id)));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public byte[] pdf(long id) {
        return StatementPdf.render(details(visible(id)), program.brokerName(), clock.instant());
    }

    /** The period's APPROVED statements as the file the bank or payment provider takes. */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional(readOnly = true)
    public String payoutFile(YearMonth period) {
        var stored = store.period(PeriodKind.MONTHLY, PeriodKind.start(period))
                .filter(PayoutStore.StoredPeriod::closed)
                .orElseThrow(() -> new NotFoundException("closed period " + period));
        List<StatementSummary> approved = store.statements(stored.id(), StatementStatus.APPROVED, null, null, Integer.MAX_VALUE)
                .stream().map(PayoutStore.StoredStatement::summary).toList();
        return StatementCsv.payoutFile(approved);
    }

    private void approveOne(long id) {
        PayoutStore.StoredStatement statement = store.statementForUpdate(id)
                .orElseThrow(() -> new NotFoundException("statement " + id));
        StatementSummary s = statement.summary();
        switch (s.status()) {
            case APPROVED -> {
                return;
            }
            case PAID, CARRIED -> throw new ConflictException("statement " + id + " is " + s.status()
                    + "; only a DRAFT statement can be approved");
            case DRAFT -> {
            }
        }
        Instant now = clock.instant();
        String by = currentUser.actorName();
        store.approve(id, now, by);
        audit.record("STATEMENT_APPROVED", "statement " + id, s.partnerCode() + " " + s.period() + " " + s.total() + " "
                + s.currency());
        events.publishEvent(new StatementApproved(id, s.partnerCode(), s.period(), s.total(), s.currency(), by, now));
    }

    /** The statement if the caller may see it: staff see all, an IB its own; anything else is not found. */
    private PayoutStore.StoredStatement visible(long id) {
        PortalUser user = currentUser.require();
        return store.statement(id)
                .filter(s -> user.role() != Role.IB || s.summary().partnerCode().equals(user.partnerCode()))
                .orElseThrow(() -> new NotFoundException("statement " + id));
    }

    private StatementDetails details(PayoutStore.StoredStatement stored) {
        StatementSummary s = stored.summary();
        List<StatementLine> lines = store.lines(s.id());
        return new StatementDetails(s.id(), s.partnerCode(), s.period(), s.status(), s.openingBalance(), s.total(),
                s.currency(), lines, s.partnerName(), s.linesTotal(), sections(lines), stored.carriedFromId(),
                s.createdAt(), s.approvedAt(), s.approvedBy(), s.paidAt(), s.paidBy(), s.paymentReference(), s.paidOn());
    }

    /** By rule, then level, in the order lines first appear; clawbacks last, as one section. */
    static List<StatementSection> sections(List<StatementLine> lines) {
        Map<String, List<StatementLine>> byRuleAndLevel = new LinkedHashMap<>();
        List<StatementLine> clawbacks = new ArrayList<>();
        lines.stream()
                .sorted(java.util.Comparator.comparing(StatementLine::rule).thenComparingInt(StatementLine::level))
                .forEach(line -> {
                    if (line.clawback()) {
                        clawbacks.add(line);
                    } else {
                        byRuleAndLevel.computeIfAbsent(line.rule() + "\u0000" + line.level(), k -> new ArrayList<>()).add(line);
                    }
                });
        List<StatementSection> sections = new ArrayList<>();
        byRuleAndLevel.values().forEach(group -> {
            StatementLine first = group.getFirst();
            sections.add(new StatementSection(title(first.rule(), first.level()), first.rule(), first.level(), false,
                    group.size(), sum(group)));
        });
        if (!clawbacks.isEmpty()) {
            sections.add(new StatementSection("Clawbacks and reversals", null, null, true, clawbacks.size(), sum(clawbacks)));
        }
        return sections;
    }

    private static String title(String rule, int level) {
        String name = rule.charAt(0) + rule.substring(1).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return level == 0 ? name + " (direct)" : name + " (level " + level + ")";
    }

    private static BigDecimal sum(List<StatementLine> lines) {
        return lines.stream().map(StatementLine::amount).reduce(BigDecimal.ZERO.setScale(4), BigDecimal::add);
    }

    private static Payment validate(Payment payment) {
        if (payment == null || payment.reference() == null || payment.reference().isBlank()) {
            throw InvalidInputException.of("reference", "is required (the bank's or provider's payment reference)");
        }
        String reference = payment.reference().strip();
        if (reference.length() > 200) {
            throw InvalidInputException.of("reference", "must be at most 200 characters");
        }
        if (payment.paidOn() == null) {
            throw InvalidInputException.of("paidOn", "is required (YYYY-MM-DD)");
        }
        return new Payment(reference, payment.paidOn());
    }
}
