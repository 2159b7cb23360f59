package com.ibportal.ingestion;

import com.ibportal.shared.UtcColumns;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The connector_cursor table: where each polling connector stands, and the row lock that makes one poller at a time. */
@Repository
class ConnectorCursors {

    record Cursor(long connectorId, String value, int consecutiveFailures) {
    }

    private final JdbcTemplate jdbc;

    ConnectorCursors(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the row on the first poll; a plain read first, so an existing row locked by a poller does not block. */
    void ensure(long connectorId, String initialCursor, Instant now) {
        if (jdbc.queryForList("SELECT 1 FROM connector_cursor WHERE connector_id = ?", Integer.class, connectorId).isEmpty()) {
            jdbc.update("""
                    INSERT IGNORE INTO connector_cursor (connector_id, cursor_value, next_poll_at, consecutive_failures)
                    VALUES (?, ?, ?, 0)""", connectorId, initialCursor, UtcColumns.param(now));
        }
    }

    /** The cursor, locked until the transaction ends; empty when another poller holds it (skip, do not wait). */
    Optional<Cursor> lock(long connectorId) {
        return jdbc.query("""
                SELECT connector_id, cursor_value, consecutive_failures FROM connector_cursor
                WHERE connector_id = ? FOR UPDATE SKIP LOCKED""",
                (rs, row) -> new Cursor(rs.getLong(1), rs.getString(2), rs.getInt(3)), connectorId).stream().findFirst();
    }

    void success(long connectorId, String cursor, Instant now, Instant newestOccurredAt, boolean caughtUp,
                 Instant nextPollAt) {
        jdbc.update("""
                UPDATE connector_cursor SET cursor_value = ?, last_polled_at = ?, last_success_at = ?,
                       caught_up_at = CASE WHEN ? THEN ? ELSE caught_up_at END,
                       newest_occurred_at = COALESCE(GREATEST(newest_occurred_at, ?), newest_occurred_at, ?),
                       last_error = NULL, consecutive_failures = 0, next_poll_at = ?
                WHERE connector_id = ?""",
                cursor, UtcColumns.param(now), UtcColumns.param(now), caughtUp, UtcColumns.param(now),
                UtcColumns.param(newestOccurredAt), UtcColumns.param(newestOccurredAt), UtcColumns.param(nextPollAt),
                connectorId);
    }

    /** An error: the cursor stays, the next poll waits longer. Answers the consecutive failures now. */
    int failure(long connectorId, String error, Instant now, java.util.function.IntFunction<Instant> nextPollAt) {
        Integer failures = jdbc.query("SELECT consecutive_failures FROM connector_cursor WHERE connector_id = ? FOR UPDATE",
                (rs, row) -> rs.getInt(1), connectorId).stream().findFirst().orElse(0) + 1;
        jdbc.update("""
                UPDATE connector_cursor SET last_polled_at = ?, last_error = ?, consecutive_failures = ?, next_poll_at = ?
                WHERE connector_id = ?""", UtcColumns.param(now), InboxStore.truncate(error, 1000), failures,
                UtcColumns.param(nextPollAt.apply(failures)), connectorId);
        return failures;
    }

    /** Enabled polling connectors whose next poll is due (or that never polled). */
    List<Long> due(Instant now) {
        return jdbc.queryForList("""
                SELECT c.id FROM connector c LEFT JOIN connector_cursor k ON k.connector_id = c.id
                WHERE c.kind = 'POLLING' AND c.enabled = TRUE AND (k.connector_id IS NULL OR k.next_poll_at <= ?)
                ORDER BY c.id""", Long.class, UtcColumns.param(now));
    }
}
