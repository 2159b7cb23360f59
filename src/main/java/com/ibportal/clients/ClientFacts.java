package com.ibportal.clients;

import com.ibportal.shared.UtcColumns;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** KYC history and trading accounts: append-only facts learnt from events, read in one statement each. */
@Repository
class ClientFacts {

    private final JdbcClient jdbc;

    ClientFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the client row, or the gap where it would be, so a registration and an event waiting for it cannot miss each other. */
    Optional<Long> lockClientId(String externalId) {
        return jdbc.sql("SELECT id FROM client WHERE external_id = :externalId LOCK IN SHARE MODE")
                .param("externalId", externalId).query(Long.class).optional();
    }

    void addKycChange(long clientId, KycStatus status, Instant at, String eventId, Instant recordedAt, String recordedBy) {
        jdbc.sql("""
                        INSERT INTO client_kyc_change (client_id, status, occurred_at, event_id, recorded_at, recorded_by)
                        VALUES (:client, :status, :at, :event, :recordedAt, :by)
                        """).param("client", clientId).param("status", status.name()).param("at", UtcColumns.param(at))
                .param("event", eventId).param("recordedAt", UtcColumns.param(recordedAt)).param("by", recordedBy)
                .update();
    }

    /** Changes in effect order: by instant, then in the order they were recorded. */
    List<KycChange> kycChanges(long clientId) {
        return jdbc.sql("""
                        SELECT status, occurred_at, event_id FROM client_kyc_change
                        WHERE client_id = :client ORDER BY occurred_at, id
                        """).param("client", clientId)
                .query((rs, row) -> new KycChange(KycStatus.valueOf(rs.getString("status")),
                        UtcColumns.read(rs, "occurred_at"), rs.getString("event_id")))
                .list();
    }

    void addTradingAccount(long clientId, String platform, String login, Instant seenAt) {
        jdbc.sql("""
                        INSERT IGNORE INTO trading_account (client_id, platform, login, first_seen_at)
                        VALUES (:client, :platform, :login, :at)
                        """).param("client", clientId).param("platform", platform).param("login", login)
                .param("at", UtcColumns.param(seenAt)).update();
    }

    List<TradingAccount> tradingAccounts(long clientId) {
        return jdbc.sql("SELECT platform, login, first_seen_at FROM trading_account WHERE client_id = :client ORDER BY id")
                .param("client", clientId)
                .query((rs, row) -> new TradingAccount(rs.getString("platform"), rs.getString("login"),
                        UtcColumns.read(rs, "first_seen_at")))
                .list();
    }

    /** The path at {@code t} with each partner's email, nearest first. */
    List<ClientForCommissions.PathPartner> pathAt(long clientId, Instant t) {
        return jdbc.sql("""
                        SELECT p.code, p.email, pp.depth
                        FROM client_attribution ca
                        JOIN partner_path pp ON pp.descendant_id = ca.partner_id
                             AND pp.valid_from <= :t AND (pp.valid_to IS NULL OR pp.valid_to > :t)
                        JOIN partner p ON p.id = pp.ancestor_id
                        WHERE ca.client_id = :client AND ca.valid_from <= :t AND (ca.valid_to IS NULL OR ca.valid_to > :t)
                        ORDER BY pp.depth
                        """).param("client", clientId).param("t", UtcColumns.param(t))
                .query((rs, row) -> new ClientForCommissions.PathPartner(rs.getString("code"), rs.getString("email"),
                        rs.getInt("depth")))
                .list();
    }
}
