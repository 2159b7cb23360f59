package com.ibportal.payouts;

import com.ibportal.commissions.MonthEndService;
import com.ibportal.program.ProgramService;
import com.ibportal.security.AuditTrail;
import com.ibportal.security.CurrentUser;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payout periods (monthly, UTC): listing them and closing one. Closing runs the month-end rules, assigns every
 * payable line not yet in a period and dated before the period's end to it, and writes one statement per
 * partner and currency, carrying negative and too-small totals forward. A closed period never changes.
 */
@Service
public class PeriodService {

    /** How many closed periods the list shows, newest first. */
    static final int LISTED_CLOSED = 120;
    /** How many open months (with lines) the list shows, newest first. */
    static final int LISTED_OPEN = 36;

    private final PayoutStore store;
    private final MonthEndService monthEnd;
    private final ProgramService program;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PeriodService(PayoutStore store, MonthEndService monthEnd, ProgramService program, AuditTrail audit,
                  CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.monthEnd = monthEnd;
        this.program = program;
        this.audit = audit;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Closes the month. Idempotent: a closed month answers as it is. Periods close in order: a month before
     * the latest closed one, or with an earlier open month holding lines, is a conflict naming that month.
     * The first close of all has no predecessor: lines dated before it fall into it.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public PeriodView close(YearMonth month) {
        // First statement of the transaction: a second close waits here and then sees the first one's result.
        store.lockClosing();
        PeriodKind kind = PeriodKind.MONTHLY;
        Instant start = PeriodKind.start(month);
        Instant end = kind.endOf(start);
        Optional<PayoutStore.StoredPeriod> existing = store.period(kind, start);
        if (existing.isPresent() && existing.get().closed()) {
            return view(existing.get());
        }
        checkOrder(kind, month, start);
        monthEnd.run(month);
        long periodId = store.ensurePeriod(kind, start, end);
        int lines = store.assignLines(periodId, end);
        int statements = writeStatements(periodId);
        Instant now = clock.instant();
        String by = currentUser.actorName();
        store.markClosed(periodId, now, by);
        audit.record("PERIOD_CLOSED", month.toString(), statements + " statements, " + lines + " lines");
        events.publishEvent(new PeriodClosed(month.toString(), statements, lines, now, by));
        return view(store.period(periodId).orElseThrow());
    }

    /** Closed periods (newest first) after the open months that hold lines, each with its totals. */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional(readOnly = true)
    public List<PeriodView> periods() {
        PeriodKind kind = PeriodKind.MONTHLY;
        List<PayoutStore.StoredPeriod> closed = store.closedPeriods(kind, LISTED_CLOSED);
        List<Long> ids = closed.stream().map(PayoutStore.StoredPeriod::id).toList();
        Map<Long, List<PeriodTotal>> statementTotals = store.statementTotals(ids);
        Map<Long, List<PeriodTotal>> lineTotals = store.assignedLineTotals(ids);
        List<PeriodView> open = openMonths(kind, closed.isEmpty() ? null : closed.getFirst());
        List<PeriodView> periods = new ArrayList<>(open);
        for (PayoutStore.StoredPeriod p : closed) {
            periods.add(new PeriodView(p.label(), p.kind().name(), p.start(), p.end(), p.status(), p.closedAt(), p.closedBy(),
                    statementTotals.getOrDefault(p.id(), List.of()), lineTotals.getOrDefault(p.id(), List.of())));
        }
        return periods;
    }

    /** One period as the list shows it; an open month with or without lines. */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional(readOnly = true)
    public PeriodView period(YearMonth month) {
        Instant start = PeriodKind.start(month);
        Optional<PayoutStore.StoredPeriod> stored = store.period(PeriodKind.MONTHLY, start);
        if (stored.isPresent() && stored.get().closed()) {
            return view(stored.get());
        }
        Instant end = PeriodKind.MONTHLY.endOf(start);
        return new PeriodView(month.toString(), PeriodKind.MONTHLY.name(), start, end, "OPEN", null, null, List.of(),
                store.datedLineTotalsByMonth(start, end).getOrDefault(month.toString(), List.of()));
    }

    private void checkOrder(PeriodKind kind, YearMonth month, Instant start) {
        Optional<PayoutStore.StoredPeriod> latest = store.latestClosed(kind);
        if (latest.isEmpty()) {
            return;
        }
        PayoutStore.StoredPeriod last = latest.get();
        if (!last.start().isBefore(start)) {
            throw new ConflictException("periods close in order: " + month + " is not after the latest closed period "
                    + last.label() + "; lines dated in it belong to the next open period");
        }
        store.earliestLineBetween(last.end(), start).ifPresent(first -> {
            throw new ConflictException("periods close in order: close " + kind.label(kind.startOf(first))
                    + " first, the earliest open period");
        });
    }

    private int writeStatements(long periodId) {
        BigDecimal minimum = program.programForInternalUse().minimumPayout();
        Map<String, PayoutStore.LineSum> sums = new LinkedHashMap<>();
        for (PayoutStore.LineSum sum : store.assignedSums(periodId)) {
            sums.put(sum.partnerCode() + "\u0000" + sum.currency(), sum);
        }
        Map<String, PayoutStore.Carried> carried = new HashMap<>();
        for (PayoutStore.Carried c : store.carriedNotYetTakenIn()) {
            carried.put(c.partnerCode() + "\u0000" + c.currency(), c);
        }
        List<String> keys = new ArrayList<>(sums.keySet());
        carried.forEach((key, c) -> {
            if (!sums.containsKey(key) && c.total().signum() != 0) {
                keys.add(key);
            }
        });
        keys.sort(Comparator.naturalOrder());
        List<PayoutStore.NewStatement> statements = new ArrayList<>(keys.size());
        for (String key : keys) {
            PayoutStore.LineSum sum = sums.get(key);
            PayoutStore.Carried in = carried.get(key);
            String partner = sum != null ? sum.partnerCode() : in.partnerCode();
            String currency = sum != null ? sum.currency() : in.currency();
            BigDecimal opening = in == null ? BigDecimal.ZERO.setScale(2) : in.total().setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal linesTotal = sum == null ? BigDecimal.ZERO.setScale(4) : sum.amount();
            BigDecimal total = opening.add(linesTotal).setScale(2, RoundingMode.HALF_EVEN);
            statements.add(new PayoutStore.NewStatement(periodId, partner, currency, status(total, minimum), opening,
                    linesTotal, total, sum == null ? 0 : sum.count(), in == null ? null : in.id()));
        }
        store.insertStatements(statements, clock.instant());
        store.linkLines(periodId);
        return statements.size();
    }

    /** Nothing to pay (zero or negative) or under the program's minimum: carried to the next period. */
    static StatementStatus status(BigDecimal total, BigDecimal minimumPayout) {
        if (total.signum() <= 0 || total.compareTo(minimumPayout) < 0) {
            return StatementStatus.CARRIED;
        }
        return StatementStatus.DRAFT;
    }

    private PeriodView view(PayoutStore.StoredPeriod p) {
        if (!p.closed()) {
            throw new NotFoundException("closed period " + p.label());
        }
        List<Long> id = List.of(p.id());
        return new PeriodView(p.label(), p.kind().name(), p.start(), p.end(), p.status(), p.closedAt(), p.closedBy(),
                store.statementTotals(id).getOrDefault(p.id(), List.of()),
                store.assignedLineTotals(id).getOrDefault(p.id(), List.of()));
    }

    /**
     * The open months after the latest closed period that hold lines, plus the current month: the earliest ones
     * (those to close next) when there are many, listed newest first like the closed ones.
     */
    private List<PeriodView> openMonths(PeriodKind kind, PayoutStore.StoredPeriod latestClosed) {
        Instant from = latestClosed == null ? Instant.EPOCH : latestClosed.end();
        Instant currentStart = kind.startOf(clock.instant());
        Map<String, List<PeriodTotal>> months = new java.util.TreeMap<>(
                store.datedLineTotalsByMonth(from, Instant.parse("9999-12-31T00:00:00Z")));
        if (!currentStart.isBefore(from)) {
            months.putIfAbsent(kind.label(currentStart), List.of());
        }
        List<PeriodView> open = new ArrayList<>();
        for (Map.Entry<String, List<PeriodTotal>> month : months.entrySet()) {
            if (open.size() == LISTED_OPEN) {
                break;
            }
            Instant start = PeriodKind.start(YearMonth.parse(month.getKey()));
            open.add(new PeriodView(month.getKey(), kind.name(), start, kind.endOf(start), "OPEN", null, null, List.of(),
                    month.getValue()));
        }
        return open.reversed();
    }
}
