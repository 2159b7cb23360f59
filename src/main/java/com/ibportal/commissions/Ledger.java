package com.ibportal.commissions;

import com.ibportal.commissions.engine.Exclusion;
import com.ibportal.commissions.engine.LineDraft;
import com.ibportal.commissions.engine.LineStatus;
import com.ibportal.commissions.engine.RuleKind;
import com.ibportal.commissions.engine.WrittenLine;
import com.ibportal.shared.CurrencyCode;
import com.ibportal.shared.UtcColumns;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only commission ledger. Lines are inserted, their status moves forward, and nothing else
 * changes (the database's triggers refuse edits and deletes): a correction is a reversing line that
 * points at the line it cancels. A line is active while nothing reverses it.
 */
@Repository
class Ledger {

    static final String LINE_COLUMNS = """
            l.id, l.partner_code, l.level, l.rule, l.amount, l.currency, l.status, l.event_id, l.client_id,
            l.occurred_at, l.posted_at, l.plan_code, l.plan_version, l.source_partner_code, l.explanation, l.reversal_of""";

    /** Not a reversal, and not reversed. */
    private static final String ACTIVE = """
            l.reversal_of IS NULL AND NOT EXISTS (SELECT 1 FROM ledger_line r WHERE r.reversal_of = l.id)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    Ledger(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /** A line as the ledger holds it, with when it was posted. */
    record PostedLine(WrittenLine written, Instant postedAt) {
    }

    void post(List<LineDraft> lines) {
        if (lines.isEmpty()) {
            return;
        }
        Timestamp postedAt = Timestamp.valueOf(UtcColumns.param(clock.instant()));
        batch.batchUpdate("""
                        INSERT INTO ledger_line (partner_code, level, rule, amount, currency, status, event_id, client_id,
                            occurred_at, posted_at, plan_code, plan_version, source_partner_code, explanation, reversal_of)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, lines, 500, (ps, line) -> {
                    ps.setString(1, line.partnerCode());
                    ps.setInt(2, line.level());
                    ps.setString(3, line.rule().name());
                    ps.setBigDecimal(4, line.amount());
                    ps.setString(5, line.currency().code());
                    ps.setString(6, line.status().name());
                    ps.setString(7, line.eventId());
                    ps.setString(8, line.clientId());
                    ps.setTimestamp(9, Timestamp.valueOf(UtcColumns.param(line.occurredAt())));
                    ps.setTimestamp(10, postedAt);
                    ps.setString(11, line.planCode());
                    ps.setInt(12, line.planVersion());
                    ps.setString(13, line.sourcePartnerCode());
                    ps.setString(14, line.explanation());
                    if (line.reversalOf() == null) {
                        ps.setNull(15, Types.BIGINT);
                    } else {
                        ps.setLong(15, line.reversalOf());
                    }
                });
    }

    /** Every active line of the client dated at or after {@code from}, at every level. */
    List<WrittenLine> activeLinesOfClient(String clientId, Instant from) {
        return jdbc.sql("SELECT " + LINE_COLUMNS + " FROM ledger_line l WHERE l.client_id = :client AND l.occurred_at >= :from AND "
                        + ACTIVE + " ORDER BY l.id")
                .param("client", clientId).param("from", UtcColumns.param(from))
                .query((rs, row) -> posted(rs).written()).list();
    }

    /** The active lines an event produced for levels at or above {@code minLevel}. */
    List<WrittenLine> activeLinesOfEvent(String clientId, String eventId, int minLevel) {
        return jdbc.sql("SELECT " + LINE_COLUMNS + " FROM ledger_line l WHERE l.client_id = :client AND l.event_id = :event"
                        + " AND l.level >= :level AND " + ACTIVE + " ORDER BY l.id")
                .param("client", clientId).param("event", eventId).param("level", minLevel)
                .query((rs, row) -> posted(rs).written()).list();
    }

    List<WrittenLine> activeLinesOfClientByRule(String clientId, RuleKind rule) {
        return jdbc.sql("SELECT " + LINE_COLUMNS + " FROM ledger_line l WHERE l.client_id = :client AND l.rule = :rule AND "
                        + ACTIVE + " ORDER BY l.id")
                .param("client", clientId).param("rule", rule.name())
                .query((rs, row) -> posted(rs).written()).list();
    }

    /** A partner's net of active lines in one currency. */
    record PartnerTotal(String partnerCode, CurrencyCode currency, BigDecimal amount) {
    }

    /**
     * Per partner and currency, the active per-trade lines (every rule but CPA, every level) of the computed trades
     * closed in [from, to): what a replay or a what-if of that period compares with.
     */
    List<PartnerTotal> activeTradeLineTotals(Instant from, Instant toExclusive) {
        return jdbc.sql("""
                        SELECT l.partner_code, l.currency, SUM(l.amount) AS amount
                        FROM commission_trade t JOIN ledger_line l ON l.client_id = t.client_id AND l.event_id = t.event_id
                        WHERE t.computed AND t.closed_at >= :from AND t.closed_at < :to AND l.rule <> 'CPA'""" + " AND " + ACTIVE
                        + " GROUP BY l.partner_code, l.currency")
                .param("from", UtcColumns.param(from)).param("to", UtcColumns.param(toExclusive))
                .query((rs, row) -> new PartnerTotal(rs.getString("partner_code"), CurrencyCode.of(rs.getString("currency")),
                        rs.getBigDecimal("amount")))
                .list();
    }

    /** The client's KYC was approved: its pending lines (and pending reversals) become payable. */
    int markPayable(String clientId) {
        return jdbc.sql("UPDATE ledger_line SET status = 'PAYABLE' WHERE client_id = :client AND status = 'PENDING'")
                .param("client", clientId).update();
    }

    /** Lines of the partner dated in [from, to), optionally of one status, oldest first. */
    List<PostedLine> linesOf(String partnerCode, Instant from, Instant toExclusive, LineStatus status, int limit) {
        return jdbc.sql("SELECT " + LINE_COLUMNS + " " + """
                         FROM ledger_line l WHERE l.partner_code = :partner AND l.occurred_at >= :from AND l.occurred_at < :to
                         AND (:status IS NULL OR l.status = :status) ORDER BY l.occurred_at, l.id LIMIT :limit""")
                .param("partner", partnerCode).param("from", UtcColumns.param(from))
                .param("to", UtcColumns.param(toExclusive)).param("status", status == null ? null : status.name())
                .param("limit", limit)
                .query((rs, row) -> posted(rs)).list();
    }

    /**
     * Lines of the partner dated in [from, to) that pass the filter's status, rule, levels and source
     * partner, oldest first, each with the id of the line reversing it (reversal_of is unique: at most one).
     */
    List<PostedEntry> entriesOf(String partnerCode, Instant from, Instant toExclusive, LedgerFilter filter, int limit) {
        return jdbc.sql("SELECT " + LINE_COLUMNS + ", r.id AS reversed_by " + """
                         FROM ledger_line l LEFT JOIN ledger_line r ON r.reversal_of = l.id
                         WHERE l.partner_code = :partner AND l.occurred_at >= :from AND l.occurred_at < :to
                         AND (:status IS NULL OR l.status = :status) AND (:rule IS NULL OR l.rule = :rule)
                         AND l.level BETWEEN :minLevel AND :maxLevel
                         AND (:source IS NULL OR l.source_partner_code = :source)
                         ORDER BY l.occurred_at, l.id LIMIT :limit""")
                .param("partner", partnerCode).param("from", UtcColumns.param(from))
                .param("to", UtcColumns.param(toExclusive))
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("rule", filter.rule() == null ? null : filter.rule().name())
                .param("minLevel", filter.levels().min).param("maxLevel", filter.levels().max)
                .param("source", filter.sourcePartnerCode())
                .param("limit", limit)
                .query((rs, row) -> new PostedEntry(posted(rs), rs.getObject("reversed_by", Long.class))).list();
    }

    /** A posted line and the id of the line that reverses it, if any. */
    record PostedEntry(PostedLine posted, Long reversedBy) {
    }

    /** The sub-IBs whose clients produced the partner's override lines dated in [from, to). */
    List<String> overrideSourcesOf(String partnerCode, Instant from, Instant toExclusive) {
        return jdbc.sql("""
                        SELECT DISTINCT source_partner_code FROM ledger_line
                        WHERE partner_code = :partner AND level >= 1 AND occurred_at >= :from AND occurred_at < :to
                        ORDER BY source_partner_code""")
                .param("partner", partnerCode).param("from", UtcColumns.param(from))
                .param("to", UtcColumns.param(toExclusive))
                .query(String.class).list();
    }

    /** Replaces what was recorded about why an event paid nothing (these are notes, not ledger lines). */
    void recordExclusions(String eventId, List<Exclusion> exclusions, String clientId, Instant occurredAt) {
        jdbc.sql("DELETE FROM ledger_exclusion WHERE event_id = :event AND (:client IS NULL OR client_id = :client)")
                .param("event", eventId).param("client", clientId).update();
        addExclusions(exclusions, clientId, occurredAt);
    }

    void addExclusions(List<Exclusion> exclusions, String clientId, Instant occurredAt) {
        if (exclusions.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.valueOf(UtcColumns.param(clock.instant()));
        Timestamp at = Timestamp.valueOf(UtcColumns.param(occurredAt));
        batch.batchUpdate("""
                        INSERT INTO ledger_exclusion (partner_code, level, rule, event_id, client_id, occurred_at, reason, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, exclusions, 500, (ps, e) -> {
                    ps.setString(1, e.partnerCode());
                    ps.setInt(2, e.level());
                    ps.setString(3, e.rule() == null ? null : e.rule().name());
                    ps.setString(4, e.eventId());
                    ps.setString(5, clientId);
                    ps.setTimestamp(6, at);
                    ps.setString(7, e.reason());
                    ps.setTimestamp(8, now);
                });
    }

    /** Why the partner earned nothing from events in [from, to). */
    List<ExcludedEvent> exclusionsOf(String partnerCode, Instant from, Instant toExclusive, int limit) {
        return jdbc.sql("""
                        SELECT event_id, client_id, level, rule, reason, occurred_at FROM ledger_exclusion
                        WHERE partner_code = :partner AND occurred_at >= :from AND occurred_at < :to
                        ORDER BY occurred_at, id LIMIT :limit
                        """).param("partner", partnerCode).param("from", UtcColumns.param(from))
                .param("to", UtcColumns.param(toExclusive)).param("limit", limit)
                .query((rs, row) -> new ExcludedEvent(rs.getString("event_id"), rs.getString("client_id"), rs.getInt("level"),
                        rs.getString("rule"), rs.getString("reason"), UtcColumns.read(rs, "occurred_at")))
                .list();
    }

    static PostedLine posted(ResultSet rs) throws SQLException {
        Long reversalOf = rs.getObject("reversal_of", Long.class);
        LineDraft draft = new LineDraft(rs.getString("partner_code"), rs.getInt("level"), RuleKind.valueOf(rs.getString("rule")),
                rs.getBigDecimal("amount"), CurrencyCode.of(rs.getString("currency")),
                LineStatus.valueOf(rs.getString("status")), rs.getString("event_id"), rs.getString("client_id"),
                UtcColumns.read(rs, "occurred_at"), rs.getString("plan_code"), rs.getInt("plan_version"),
                rs.getString("source_partner_code"), rs.getString("explanation"), reversalOf);
        return new PostedLine(new WrittenLine(rs.getLong("id"), draft, LineStatus.valueOf(rs.getString("status"))),
                UtcColumns.read(rs, "posted_at"));
    }
}
