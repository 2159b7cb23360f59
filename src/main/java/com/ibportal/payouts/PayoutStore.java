package com.ibportal.payouts;

import com.ibportal.shared.UtcColumns;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Periods, statements and the assignment of ledger lines to periods, in plain SQL: a close works on whole
 * sets of lines at once. Ledger lines are only read here, except their status moving to PAID.
 */
@Repository
class PayoutStore {

    private static final String STATEMENT_COLUMNS = """
            s.id, s.partner_code, p.name AS partner_name, pp.kind, pp.period_start, s.status, s.opening_balance,
            s.lines_total, s.total, s.currency, s.line_count, s.created_at, s.approved_at, s.approved_by, s.paid_at,
            s.paid_by, s.payment_reference, s.paid_on, s.carried_from_id, s.period_id""";
    private static final String STATEMENT_FROM = """
             FROM payout_statement s JOIN payout_period pp ON pp.id = s.period_id
             LEFT JOIN partner p ON p.code = s.partner_code""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    PayoutStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    record StoredPeriod(long id, PeriodKind kind, Instant start, Instant end, String status, Instant closedAt,
                        String closedBy) {

        String label() {
            return kind.label(start);
        }

        boolean closed() {
            return "CLOSED".equals(status);
        }
    }

    /** A statement row with what the service needs beyond the summary. */
    record StoredStatement(StatementSummary summary, long periodId, Long carriedFromId) {
    }

    record LineSum(String partnerCode, String currency, BigDecimal amount, int count) {
    }

    record Carried(long id, String partnerCode, String currency, BigDecimal total) {
    }

    record NewStatement(long periodId, String partnerCode, String currency, StatementStatus status,
                        BigDecimal openingBalance, BigDecimal linesTotal, BigDecimal total, int lineCount,
                        Long carriedFromId) {
    }

    /** Makes concurrent closes (from any instance) wait for each other until the first one's transaction ends. */
    void lockClosing() {
        jdbc.sql("SELECT id FROM payout_close_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
    }

    Optional<StoredPeriod> period(PeriodKind kind, Instant start) {
        return jdbc.sql("SELECT * FROM payout_period WHERE kind = :kind AND period_start = :start")
                .param("kind", kind.name()).param("start", UtcColumns.param(start))
                .query(PayoutStore::period).optional();
    }

    Optional<StoredPeriod> period(long id) {
        return jdbc.sql("SELECT * FROM payout_period WHERE id = :id").param("id", id).query(PayoutStore::period).optional();
    }

    Optional<StoredPeriod> latestClosed(PeriodKind kind) {
        return jdbc.sql("""
                        SELECT * FROM payout_period WHERE kind = :kind AND status = 'CLOSED'
                        ORDER BY period_start DESC LIMIT 1""")
                .param("kind", kind.name()).query(PayoutStore::period).optional();
    }

    List<StoredPeriod> closedPeriods(PeriodKind kind, int limit) {
        return jdbc.sql("""
                        SELECT * FROM payout_period WHERE kind = :kind AND status = 'CLOSED'
                        ORDER BY period_start DESC LIMIT :limit""")
                .param("kind", kind.name()).param("limit", limit).query(PayoutStore::period).list();
    }

    /** The earliest instant a ledger line is dated at in [from, to), if any. */
    Optional<Instant> earliestLineBetween(Instant from, Instant toExclusive) {
        return jdbc.sql("SELECT MIN(occurred_at) AS first FROM ledger_line WHERE occurred_at >= :from AND occurred_at < :to")
                .param("from", UtcColumns.param(from)).param("to", UtcColumns.param(toExclusive))
                .query((rs, row) -> rs.getTimestamp("first") == null ? null : UtcColumns.read(rs, "first"))
                .optional();
    }

    /** The id of the period starting at {@code start}, created OPEN if it does not exist yet. */
    long ensurePeriod(PeriodKind kind, Instant start, Instant end) {
        return period(kind, start).map(StoredPeriod::id).orElseGet(() -> {
            jdbc.sql("""
                            INSERT INTO payout_period (kind, period_start, period_end, status)
                            VALUES (:kind, :start, :end, 'OPEN')""")
                    .param("kind", kind.name()).param("start", UtcColumns.param(start))
                    .param("end", UtcColumns.param(end)).update();
            return period(kind, start).orElseThrow().id();
        });
    }

    /** Every PAYABLE line dated before {@code end} that no period holds yet goes to this one. */
    int assignLines(long periodId, Instant end) {
        return jdbc.sql("""
                        INSERT INTO statement_line (line_id, period_id)
                        SELECT l.id, :period FROM ledger_line l
                        WHERE l.status = 'PAYABLE' AND l.occurred_at < :end
                          AND NOT EXISTS (SELECT 1 FROM statement_line a WHERE a.line_id = l.id)""")
                .param("period", periodId).param("end", UtcColumns.param(end)).update();
    }

    List<LineSum> assignedSums(long periodId) {
        return jdbc.sql("""
                        SELECT l.partner_code, l.currency, SUM(l.amount) AS amount, COUNT(*) AS n
                        FROM statement_line s JOIN ledger_line l ON l.id = s.line_id
                        WHERE s.period_id = :period GROUP BY l.partner_code, l.currency""")
                .param("period", periodId)
                .query((rs, row) -> new LineSum(rs.getString("partner_code"), rs.getString("currency"),
                        rs.getBigDecimal("amount"), rs.getInt("n")))
                .list();
    }

    /** CARRIED statements no later statement has taken in yet: at most one per partner and currency. */
    List<Carried> carriedNotYetTakenIn() {
        return jdbc.sql("""
                        SELECT s.id, s.partner_code, s.currency, s.total FROM payout_statement s
                        WHERE s.status = 'CARRIED'
                          AND NOT EXISTS (SELECT 1 FROM payout_statement n WHERE n.carried_from_id = s.id)""")
                .query((rs, row) -> new Carried(rs.getLong("id"), rs.getString("partner_code"), rs.getString("currency"),
                        rs.getBigDecimal("total")))
                .list();
    }

    void insertStatements(List<NewStatement> statements, Instant now) {
        Timestamp created = Timestamp.valueOf(UtcColumns.param(now));
        batch.batchUpdate("""
                        INSERT INTO payout_statement (period_id, partner_code, currency, status, opening_balance, lines_total,
                            total, line_count, carried_from_id, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", statements, 500, (ps, s) -> {
                    ps.setLong(1, s.periodId());
                    ps.setString(2, s.partnerCode());
                    ps.setString(3, s.currency());
                    ps.setString(4, s.status().name());
                    ps.setBigDecimal(5, s.openingBalance());
                    ps.setBigDecimal(6, s.linesTotal());
                    ps.setBigDecimal(7, s.total());
                    ps.setInt(8, s.lineCount());
                    if (s.carriedFromId() == null) {
                        ps.setNull(9, Types.BIGINT);
                    } else {
                        ps.setLong(9, s.carriedFromId());
                    }
                    ps.setTimestamp(10, created);
                });
    }

    /** Points each line assigned to the period at its partner's statement in the line's currency. */
    void linkLines(long periodId) {
        jdbc.sql("""
                        UPDATE statement_line sl
                        JOIN ledger_line l ON l.id = sl.line_id
                        JOIN payout_statement s ON s.period_id = sl.period_id AND s.partner_code = l.partner_code
                                                AND s.currency = l.currency
                        SET sl.statement_id = s.id
                        WHERE sl.period_id = :period""")
                .param("period", periodId).update();
    }

    void markClosed(long periodId, Instant now, String by) {
        jdbc.sql("UPDATE payout_period SET status = 'CLOSED', closed_at = :now, closed_by = :by WHERE id = :id")
                .param("now", UtcColumns.param(now)).param("by", by).param("id", periodId).update();
    }

    /** Statements of closed periods by status and currency. */
    Map<Long, List<PeriodTotal>> statementTotals(List<Long> periodIds) {
        Map<Long, List<PeriodTotal>> totals = new LinkedHashMap<>();
        if (periodIds.isEmpty()) {
            return totals;
        }
        jdbc.sql("""
                        SELECT period_id, status, currency, COUNT(*) AS n, SUM(total) AS amount FROM payout_statement
                        WHERE period_id IN (:ids) GROUP BY period_id, status, currency ORDER BY period_id, status, currency""")
                .param("ids", periodIds)
                .query(rs -> {
                    totals.computeIfAbsent(rs.getLong("period_id"), k -> new ArrayList<>()).add(new PeriodTotal(
                            rs.getString("status"), rs.getString("currency"), rs.getLong("n"), money(rs.getBigDecimal("amount"))));
                });
        return totals;
    }

    /** Lines assigned to closed periods, by their current status. */
    Map<Long, List<PeriodTotal>> assignedLineTotals(List<Long> periodIds) {
        Map<Long, List<PeriodTotal>> totals = new LinkedHashMap<>();
        if (periodIds.isEmpty()) {
            return totals;
        }
        jdbc.sql("""
                        SELECT s.period_id, l.status, l.currency, COUNT(*) AS n, SUM(l.amount) AS amount
                        FROM statement_line s JOIN ledger_line l ON l.id = s.line_id
                        WHERE s.period_id IN (:ids) GROUP BY s.period_id, l.status, l.currency
                        ORDER BY s.period_id, l.status, l.currency""")
                .param("ids", periodIds)
                .query(rs -> {
                    totals.computeIfAbsent(rs.getLong("period_id"), k -> new ArrayList<>()).add(new PeriodTotal(
                            rs.getString("status"), rs.getString("currency"), rs.getLong("n"), rs.getBigDecimal("amount")));
                });
        return totals;
    }

    /** Lines dated in [from, to) by month (yyyy-mm), status and currency. */
    Map<String, List<PeriodTotal>> datedLineTotalsByMonth(Instant from, Instant toExclusive) {
        Map<String, List<PeriodTotal>> totals = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT DATE_FORMAT(occurred_at, '%Y-%m') AS month, status, currency, COUNT(*) AS n, SUM(amount) AS amount
                        FROM ledger_line WHERE occurred_at >= :from AND occurred_at < :to
                        GROUP BY month, status, currency ORDER BY month, status, currency""")
                .param("from", UtcColumns.param(from)).param("to", UtcColumns.param(toExclusive))
                .query(rs -> {
                    totals.computeIfAbsent(rs.getString("month"), k -> new ArrayList<>()).add(new PeriodTotal(
                            rs.getString("status"), rs.getString("currency"), rs.getLong("n"), rs.getBigDecimal("amount")));
                });
        return totals;
    }

    List<StoredStatement> statements(Long periodId, StatementStatus status, String partnerCode, BigDecimal minTotal,
                                     int limit) {
        return jdbc.sql("SELECT " + STATEMENT_COLUMNS + " " + STATEMENT_FROM + " " + """
                         WHERE (:period IS NULL OR s.period_id = :period) AND (:status IS NULL OR s.status = :status)
                           AND (:partner IS NULL OR s.partner_code = :partner) AND (:min IS NULL OR s.total >= :min)
                         ORDER BY pp.period_start DESC, s.partner_code, s.currency LIMIT :limit""")
                .param("period", periodId).param("status", status == null ? null : status.name())
                .param("partner", partnerCode).param("min", minTotal).param("limit", limit)
                .query(PayoutStore::statement).list();
    }

    Optional<StoredStatement> statement(long id) {
        return jdbc.sql("SELECT " + STATEMENT_COLUMNS + " " + STATEMENT_FROM + " WHERE s.id = :id")
                .param("id", id).query(PayoutStore::statement).optional();
    }

    /** Locks the statement row for a workflow step, so two approvals or payments cannot interleave. */
    Optional<StoredStatement> statementForUpdate(long id) {
        return jdbc.sql("SELECT " + STATEMENT_COLUMNS + " " + STATEMENT_FROM + " WHERE s.id = :id FOR UPDATE")
                .param("id", id).query(PayoutStore::statement).optional();
    }

    List<StatementLine> lines(long statementId) {
        return jdbc.sql("""
                        SELECT l.id, l.occurred_at, l.posted_at, l.rule, l.level, l.amount, l.currency, l.status, l.client_id,
                               l.event_id, l.source_partner_code, l.explanation, l.reversal_of
                        FROM statement_line s JOIN ledger_line l ON l.id = s.line_id
                        WHERE s.statement_id = :statement ORDER BY l.occurred_at, l.id""")
                .param("statement", statementId)
                .query((rs, row) -> {
                    Long reversalOf = rs.getObject("reversal_of", Long.class);
                    BigDecimal amount = rs.getBigDecimal("amount");
                    return new StatementLine(rs.getLong("id"), UtcColumns.read(rs, "occurred_at"),
                            UtcColumns.read(rs, "posted_at"), rs.getString("rule"), rs.getInt("level"), amount,
                            rs.getString("currency"), rs.getString("status"), rs.getString("client_id"),
                            rs.getString("event_id"), rs.getString("source_partner_code"), rs.getString("explanation"),
                            reversalOf, reversalOf != null || amount.signum() < 0);
                })
                .list();
    }

    void approve(long id, Instant now, String by) {
        jdbc.sql("UPDATE payout_statement SET status = 'APPROVED', approved_at = :now, approved_by = :by WHERE id = :id AND status = 'DRAFT'")
                .param("now", UtcColumns.param(now)).param("by", by).param("id", id).update();
    }

    void markPaid(long id, Payment payment, Instant now, String by) {
        jdbc.sql("""
                        UPDATE payout_statement SET status = 'PAID', paid_at = :now, paid_by = :by, payment_reference = :ref,
                            paid_on = :paidOn WHERE id = :id AND status = 'APPROVED'""")
                .param("now", UtcColumns.param(now)).param("by", by).param("ref", payment.reference())
                .param("paidOn", Date.valueOf(payment.paidOn())).param("id", id).update();
    }

    /** Moves the PAYABLE lines of these statements to PAID (the only edit the ledger's triggers allow besides KYC). */
    int markLinesPaid(List<Long> statementIds) {
        return jdbc.sql("""
                        UPDATE ledger_line l JOIN statement_line s ON s.line_id = l.id
                        SET l.status = 'PAID' WHERE s.statement_id IN (:ids) AND l.status = 'PAYABLE'""")
                .param("ids", statementIds).update();
    }

    private static StoredPeriod period(ResultSet rs, int row) throws SQLException {
        return new StoredPeriod(rs.getLong("id"), PeriodKind.valueOf(rs.getString("kind")), UtcColumns.read(rs, "period_start"),
                UtcColumns.read(rs, "period_end"), rs.getString("status"),
                rs.getTimestamp("closed_at") == null ? null : UtcColumns.read(rs, "closed_at"), rs.getString("closed_by"));
    }

    private static StoredStatement statement(ResultSet rs, int row) throws SQLException {
        PeriodKind kind = PeriodKind.valueOf(rs.getString("kind"));
        Date paidOn = rs.getDate("paid_on");
        LocalDate paidOnDay = paidOn == null ? null : paidOn.toLocalDate();
        StatementSummary summary = new StatementSummary(rs.getLong("id"), rs.getString("partner_code"),
                rs.getString("partner_name"), kind.label(UtcColumns.read(rs, "period_start")),
                StatementStatus.valueOf(rs.getString("status")), money(rs.getBigDecimal("opening_balance")),
                rs.getBigDecimal("lines_total"), money(rs.getBigDecimal("total")), rs.getString("currency"),
                rs.getInt("line_count"), UtcColumns.read(rs, "created_at"), optionalInstant(rs, "approved_at"),
                rs.getString("approved_by"), optionalInstant(rs, "paid_at"), rs.getString("paid_by"),
                rs.getString("payment_reference"), paidOnDay);
        return new StoredStatement(summary, rs.getLong("period_id"), rs.getObject("carried_from_id", Long.class));
    }

    private static Instant optionalInstant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column) == null ? null : UtcColumns.read(rs, column);
    }

    /** Statement amounts are shown with 2 decimals (they are stored rounded). */
    static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_EVEN);
    }
}
