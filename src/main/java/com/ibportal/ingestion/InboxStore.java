package com.ibportal.ingestion;

import com.ibportal.shared.UtcColumns;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The inbox tables in plain JDBC: batch inserts and the workers' claim are the hot path, and JPA would add a
 * persistence context per row for nothing. Every method runs in the caller's transaction.
 */
@org.springframework.stereotype.Repository
class InboxStore {

    static final String RECEIVED = "RECEIVED";
    static final String PROCESSED = "PROCESSED";
    static final String PARKED = "PARKED";
    static final String FAILED = "FAILED";

    /** One event ready to store: its canonical JSON and the columns the queries filter on. */
    record NewEvent(String eventId, String type, String clientId, Instant occurredAt, String payload) {
    }

    /** A claimed event, as a worker needs it. */
    record Claimed(long rowId, long connectorId, String eventId, String clientId, Instant occurredAt, String payload,
                   int attempts) {
    }

    /** What a worker decided for one event. */
    record Decision(long rowId, String status, String reason, String waitKey, Instant processedAt) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    InboxStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    Set<String> existingEventIds(long connectorId, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(named.queryForList(
                "SELECT event_id FROM inbox_event WHERE connector_id = :connector AND event_id IN (:ids)",
                new MapSqlParameterSource("connector", connectorId).addValue("ids", eventIds), String.class));
    }

    long insertDelivery(long connectorId, String webhookId, Long webhookTimestamp, String contentType,
                        String remoteAddress, byte[] body, Instant receivedAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO inbox_delivery (connector_id, webhook_id, webhook_timestamp, content_type, remote_address,
                                                body, received_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            statement.setLong(1, connectorId);
            statement.setString(2, truncate(webhookId, 200));
            statement.setObject(3, webhookTimestamp);
            statement.setString(4, truncate(contentType, 200));
            statement.setString(5, truncate(remoteAddress, 64));
            statement.setBytes(6, body);
            statement.setObject(7, UtcColumns.param(receivedAt));
            return statement;
        }, key);
        return key.getKey().longValue();
    }

    void deleteDelivery(long deliveryId) {
        jdbc.update("DELETE FROM inbox_delivery WHERE id = ?", deliveryId);
    }

    /** INSERT IGNORE: an event id the connector sent before is skipped, not an error; {@link #eventIdsOf} tells which won. */
    void insertEvents(long connectorId, long deliveryId, List<NewEvent> events, Instant receivedAt) {
        Object now = UtcColumns.param(receivedAt);
        jdbc.batchUpdate("""
                INSERT IGNORE INTO inbox_event (connector_id, event_id, type, client_id, occurred_at, payload, status,
                                                attempts, next_attempt_at, received_at, delivery_id)
                VALUES (?, ?, ?, ?, ?, ?, 'RECEIVED', 0, ?, ?, ?)""", events, 500, (statement, event) -> {
            statement.setLong(1, connectorId);
            statement.setString(2, event.eventId());
            statement.setString(3, event.type());
            statement.setString(4, event.clientId());
            statement.setObject(5, UtcColumns.param(event.occurredAt()));
            statement.setString(6, event.payload());
            statement.setObject(7, now);
            statement.setObject(8, now);
            statement.setLong(9, deliveryId);
        });
    }

    /** The events this delivery stored (ours are visible to us whatever the isolation level). */
    Set<String> eventIdsOf(long deliveryId) {
        return new HashSet<>(jdbc.queryForList("SELECT event_id FROM inbox_event WHERE delivery_id = ?", String.class, deliveryId));
    }

    // ---- workers

    /**
     * Due RECEIVED events, locked for this transaction; rows another worker holds are skipped, so instances compete
     * safely. {@code connectorId} narrows the claim (tests); null claims from every connector.
     */
    List<Claimed> claimDue(Instant now, int limit, Long connectorId) {
        String sql = "SELECT id, connector_id, event_id, client_id, occurred_at, payload, attempts FROM inbox_event "
                + "WHERE status = 'RECEIVED' AND next_attempt_at <= ?" + (connectorId == null ? "" : " AND connector_id = ?")
                + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED";
        Object[] params = connectorId == null
                ? new Object[] {UtcColumns.param(now), limit}
                : new Object[] {UtcColumns.param(now), connectorId, limit};
        return jdbc.query(sql, CLAIMED, params);
    }

    /** One event by row, locked, if it is still RECEIVED (another worker may have finished it meanwhile). */
    Optional<Claimed> claimOne(long rowId) {
        return jdbc.query("SELECT id, connector_id, event_id, client_id, occurred_at, payload, attempts FROM inbox_event "
                + "WHERE id = ? AND status = 'RECEIVED' FOR UPDATE SKIP LOCKED", CLAIMED, rowId).stream().findFirst();
    }

    void decide(List<Decision> decisions) {
        jdbc.batchUpdate("UPDATE inbox_event SET status = ?, reason = ?, wait_key = ?, processed_at = ? WHERE id = ?",
                decisions, 500, (statement, decision) -> {
                    statement.setString(1, decision.status());
                    statement.setString(2, truncate(decision.reason(), 1000));
                    statement.setString(3, decision.waitKey());
                    statement.setObject(4, UtcColumns.param(decision.processedAt()));
                    statement.setLong(5, decision.rowId());
                });
    }

    /** A failed attempt: due again at {@code nextAttemptAt}, or FAILED for good when {@code giveUp}. */
    void recordFailedAttempt(long rowId, int attempts, boolean giveUp, String reason, Instant nextAttemptAt, Instant now) {
        jdbc.update("""
                UPDATE inbox_event SET attempts = ?, reason = ?, status = ?, next_attempt_at = ?, processed_at = ?
                WHERE id = ? AND status = 'RECEIVED'""",
                attempts, truncate(reason, 1000), giveUp ? FAILED : RECEIVED, UtcColumns.param(nextAttemptAt),
                giveUp ? UtcColumns.param(now) : null, rowId);
    }

    // ---- admin

    int release(String waitKey, Instant now) {
        return jdbc.update("""
                UPDATE inbox_event SET status = 'RECEIVED', next_attempt_at = ?, wait_key = NULL, reason = NULL
                WHERE wait_key = ? AND status = 'PARKED'""", UtcColumns.param(now), waitKey);
    }

    Optional<InboxEventView> find(long connectorId, String eventId) {
        return jdbc.query("SELECT * FROM inbox_event WHERE connector_id = ? AND event_id = ?", VIEW, connectorId, eventId)
                .stream().findFirst();
    }

    /** FAILED or PARKED back to RECEIVED with attempts reset; answers how many rows changed. */
    int replay(long connectorId, String eventId, Instant now) {
        return jdbc.update("""
                UPDATE inbox_event SET status = 'RECEIVED', attempts = 0, next_attempt_at = ?, wait_key = NULL,
                       reason = NULL, processed_at = NULL
                WHERE connector_id = ? AND event_id = ? AND status IN ('FAILED', 'PARKED')""",
                UtcColumns.param(now), connectorId, eventId);
    }

    List<InboxEventView> list(long connectorId, String status, String type, long offset, int size) {
        MapSqlParameterSource params = filters(connectorId, status, type).addValue("offset", offset).addValue("size", size);
        return named.query("SELECT * FROM inbox_event WHERE " + where(status, type)
                + " ORDER BY received_at DESC, id DESC LIMIT :size OFFSET :offset", params, VIEW);
    }

    long count(long connectorId, String status, String type) {
        return named.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE " + where(status, type),
                filters(connectorId, status, type), Long.class);
    }

    Optional<RawDelivery> deliveryOf(long connectorId, String eventId) {
        return jdbc.query("""
                SELECT d.* FROM inbox_delivery d JOIN inbox_event e ON e.delivery_id = d.id
                WHERE e.connector_id = ? AND e.event_id = ?""", (rs, row) -> new RawDelivery(rs.getLong("id"),
                rs.getLong("connector_id"), rs.getString("webhook_id"), (Long) rs.getObject("webhook_timestamp", Long.class),
                rs.getString("content_type"), rs.getString("remote_address"),
                new String(rs.getBytes("body"), StandardCharsets.UTF_8), UtcColumns.read(rs, "received_at")),
                connectorId, eventId).stream().findFirst();
    }

    /**
     * Per connector: last event received, events in the last hour, parked and failed counts; one grouped query. Polling
     * connectors add their lag (now − the last poll that reached the end of the source) and last polling error.
     */
    List<ConnectorHealth> health(Instant hourAgo, Instant now) {
        return jdbc.query("""
                SELECT c.id, MAX(e.received_at) AS last_received,
                       COALESCE(SUM(e.received_at >= ?), 0) AS last_hour,
                       COALESCE(SUM(e.status = 'PARKED'), 0) AS parked,
                       COALESCE(SUM(e.status = 'FAILED'), 0) AS failed,
                       COALESCE(SUM(e.status = 'RECEIVED'), 0) AS waiting,
                       MAX(k.caught_up_at) AS caught_up_at, MAX(k.newest_occurred_at) AS newest_polled,
                       MAX(k.last_error) AS polling_error, MAX(k.consecutive_failures) AS polling_failures
                FROM connector c LEFT JOIN inbox_event e ON e.connector_id = c.id
                     LEFT JOIN connector_cursor k ON k.connector_id = c.id
                GROUP BY c.id""", (rs, row) -> {
                    Instant caughtUp = UtcColumns.read(rs, "caught_up_at");
                    return new ConnectorHealth(rs.getLong("id"), UtcColumns.read(rs, "last_received"),
                            rs.getLong("last_hour"), rs.getLong("waiting"), rs.getLong("parked"), rs.getLong("failed"),
                            caughtUp == null ? null : Math.max(0, java.time.Duration.between(caughtUp, now).toSeconds()),
                            UtcColumns.read(rs, "newest_polled"), rs.getString("polling_error"),
                            rs.getInt("polling_failures"));
                }, UtcColumns.param(hourAgo));
    }

    private static String where(String status, String type) {
        return "connector_id = :connector" + (status == null ? "" : " AND status = :status")
                + (type == null ? "" : " AND type = :type");
    }

    private static MapSqlParameterSource filters(long connectorId, String status, String type) {
        return new MapSqlParameterSource("connector", connectorId).addValue("status", status).addValue("type", type);
    }

    private static final RowMapper<Claimed> CLAIMED = (rs, row) -> new Claimed(rs.getLong("id"), rs.getLong("connector_id"),
            rs.getString("event_id"), rs.getString("client_id"), UtcColumns.read(rs, "occurred_at"), rs.getString("payload"),
            rs.getInt("attempts"));

    private static final RowMapper<InboxEventView> VIEW = InboxStore::view;

    private static InboxEventView view(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("status");
        return new InboxEventView(rs.getString("event_id"), rs.getLong("connector_id"), rs.getString("type"),
                rs.getString("client_id"), UtcColumns.read(rs, "occurred_at"), status, rs.getString("reason"),
                rs.getString("wait_key"), rs.getInt("attempts"), UtcColumns.read(rs, "received_at"),
                UtcColumns.read(rs, "processed_at"), RECEIVED.equals(status) ? UtcColumns.read(rs, "next_attempt_at") : null);
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    static List<String> statuses() {
        return new ArrayList<>(List.of(RECEIVED, PROCESSED, PARKED, FAILED));
    }
}
