package com.ibportal.commissions;

import com.ibportal.commissions.CommissionFacts.StoredTrade;
import com.ibportal.commissions.engine.EngineResult;
import com.ibportal.commissions.engine.LineDraft;
import com.ibportal.commissions.engine.RuleKind;
import com.ibportal.commissions.engine.WrittenLine;
import com.ibportal.shared.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes a period from the stored facts without writing, and compares with the ledger: the proof
 * that every line is reproducible from its inputs.
 */
@Service
public class ReplayService {

    private static final int PAGE = 1_000;
    private static final int MAX_DIFFERENCES = 1_000;

    private final CommissionFacts facts;
    private final TradeLines tradeLines;
    private final Ledger ledger;

    ReplayService(CommissionFacts facts, TradeLines tradeLines, Ledger ledger) {
        this.facts = facts;
        this.tradeLines = tradeLines;
        this.ledger = ledger;
    }

    /** Per-trade lines of trades closed in [from, to] (UTC dates, inclusive) recomputed and compared; CPA is per client and not included. */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional(readOnly = true)
    public ReplayReport replay(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw InvalidInputException.of("to", "give from and to (YYYY-MM-DD), to not before from");
        }
        Instant start = from.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        long trades = 0;
        long expectedLines = 0;
        long ledgerLines = 0;
        List<ReplayReport.Difference> differences = new ArrayList<>();
        Instant afterClosed = Instant.EPOCH;
        long afterId = 0;
        List<StoredTrade> page;
        do {
            page = facts.computedTradesBetween(start, end, afterClosed, afterId, PAGE);
            for (StoredTrade stored : page) {
                trades++;
                Map<String, Integer> expected = new HashMap<>();
                Map<String, LineDraft> byKey = new HashMap<>();
                if (tradeLines.context(stored.trade()) instanceof TradeLines.Context.Payable payable) {
                    EngineResult result = tradeLines.compute(stored.trade(), payable, UnaryOperator.identity());
                    for (LineDraft line : result.lines()) {
                        expectedLines++;
                        byKey.putIfAbsent(key(line), line);
                        expected.merge(key(line), 1, Integer::sum);
                    }
                }
                for (WrittenLine written : ledger.activeLinesOfEvent(stored.trade().clientId(), stored.trade().eventId(), 0)) {
                    if (written.line().rule() == RuleKind.CPA) {
                        continue;
                    }
                    ledgerLines++;
                    String key = key(written.line());
                    if (expected.merge(key, -1, Integer::sum) < 0) {
                        record(differences, written.line(), "ledger only");
                        expected.merge(key, 1, Integer::sum);
                    }
                }
                expected.forEach((key, count) -> {
                    for (int i = 0; i < count; i++) {
                        record(differences, byKey.get(key), "replay only");
                    }
                });
                afterClosed = stored.trade().closedAt();
                afterId = stored.id();
            }
        } while (page.size() == PAGE);
        return new ReplayReport(from, to, trades, expectedLines, ledgerLines,
                differences.subList(0, Math.min(differences.size(), MAX_DIFFERENCES)), differences.size() > MAX_DIFFERENCES);
    }

    private static String key(LineDraft line) {
        return line.partnerCode() + "|" + line.level() + "|" + line.rule() + "|" + line.amount().toPlainString() + "|"
                + line.currency().code();
    }

    private static void record(List<ReplayReport.Difference> differences, LineDraft line, String foundIn) {
        differences.add(new ReplayReport.Difference(line.eventId(), line.partnerCode(), line.level(), line.rule().name(),
                line.amount(), line.currency().code(), foundIn));
    }
}
