package com.ibportal.ingestion;

import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.shared.UtcColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The write-back outbox in plain JDBC; every method runs in the caller's transaction. */
@Repository
class WriteBackStore {

    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String FAILED = "FAILED";
    static final List<String> STATUSES = List.of(PENDING, DELIVERED, FAILED);

    /** A row the sender claimed. */
    record Claimed(long id, long connectorId, String messageId, String payload, int attempts) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    WriteBackStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    void insert(long connectorId, String messageId, String clientId, String payload, Instant now) {
        jdbc.update("""
                INSERT INTO writeback_outbox (connector_id, message_id, client_id, payload, status, attempts,
                                              next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)""",
                connectorId, messageId, clientId, payload, UtcColumns.param(now), UtcColumns.param(now));
    }

    /**
     * Due PENDING rows of the given connectors, locked; rows another sender holds are skipped. The caller leases them
     * ({@link #lease}) and commits before sending, so no lock is held during HTTP.
     */
    List<Claimed> claimDue(Collection<Long> connectorIds, Instant now, int limit) {
        if (connectorIds.isEmpty()) {
            return List.of();
        }
        return named.query("""
                SELECT id, connector_id, message_id, payload, attempts FROM writeback_outbox
                WHERE status = 'PENDING' AND next_attempt_at <= :now AND connector_id IN (:connectors)
                ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED""",
                new MapSqlParameterSource("now", UtcColumns.param(now)).addValue("connectors", connectorIds)
                        .addValue("limit", limit),
                (rs, row) -> new Claimed(rs.getLong("id"), rs.getLong("connector_id"), rs.getString("message_id"),
                        rs.getString("payload"), rs.getInt("attempts")));
    }

    /** Not due again until {@code until}: a sender that dies mid-send leaves the row to be sent again then. */
    void lease(Collection<Long> ids, Instant until) {
        if (!ids.isEmpty()) {
            named.update("UPDATE writeback_outbox SET next_attempt_at = :until WHERE id IN (:ids)",
                    new MapSqlParameterSource("until", UtcColumns.param(until)).addValue("ids", ids));
        }
    }

    void delivered(long id, int attempts, Instant now) {
        jdbc.update("""
                UPDATE writeback_outbox SET status = 'DELIVERED', attempts = ?, delivered_at = ?, last_error = NULL
                WHERE id = ? AND status = 'PENDING'""", attempts, UtcColumns.param(now), id);
    }

    void failedAttempt(long id, int attempts, boolean giveUp, String error, Instant nextAttemptAt) {
        jdbc.update("""
                UPDATE writeback_outbox SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?
                WHERE id = ? AND status = 'PENDING'""",
                giveUp ? FAILED : PENDING, attempts, InboxStore.truncate(error, 1000), UtcColumns.param(nextAttemptAt), id);
    }

    /** FAILED back to PENDING, due now, attempts reset; answers whether it changed. */
    boolean retry(long connectorId, long id, Instant now) {
        return jdbc.update("""
                UPDATE writeback_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?
                WHERE id = ? AND connector_id = ? AND status = 'FAILED'""", UtcColumns.param(now), id, connectorId) > 0;
    }

    Optional<WriteBackView> find(long connectorId, long id) {
        return jdbc.query("SELECT * FROM writeback_outbox WHERE id = ? AND connector_id = ?", VIEW, id, connectorId)
                .stream().findFirst();
    }

    List<WriteBackView> list(long connectorId, String status, long offset, int size) {
        return named.query("SELECT * FROM writeback_outbox WHERE connector_id = :connector"
                        + (status == null ? "" : " AND status = :status")
                        + " ORDER BY created_at DESC, id DESC LIMIT :size OFFSET :offset",
                new MapSqlParameterSource("connector", connectorId).addValue("status", status)
                        .addValue("size", size).addValue("offset", offset), VIEW);
    }

    long count(long connectorId, String status) {
        return named.queryForObject("SELECT COUNT(*) FROM writeback_outbox WHERE connector_id = :connector"
                        + (status == null ? "" : " AND status = :status"),
                new MapSqlParameterSource("connector", connectorId).addValue("status", status), Long.class);
    }

    private static final RowMapper<WriteBackView> VIEW = WriteBackStore::view;

    private static WriteBackView view(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("status");
        return new WriteBackView(rs.getLong("id"), rs.getLong("connector_id"), rs.getString("message_id"),
                rs.getString("client_id"), JsonValues.mapper().readTree(rs.getString("payload")), status,
                rs.getInt("attempts"), PENDING.equals(status) ? UtcColumns.read(rs, "next_attempt_at") : null,
                rs.getString("last_error"), UtcColumns.read(rs, "created_at"), UtcColumns.read(rs, "delivered_at"));
    }
}
