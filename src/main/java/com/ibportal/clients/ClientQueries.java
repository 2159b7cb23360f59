package com.ibportal.clients;

import com.ibportal.partners.NetworkMember;
import com.ibportal.partners.Upline;
import com.ibportal.shared.Paged;
import com.ibportal.shared.UtcColumns;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read queries over clients, their attribution and the partner hierarchy, one indexed SQL statement
 * each. Clients may know the partners' tables; partners never read these.
 */
@Repository
class ClientQueries {

    /** Valid at :t: started at or before it and not ended by then (an interval is [valid_from, valid_to)). */
    private static final String VALID_AT = "%1$s.valid_from <= :t AND (%1$s.valid_to IS NULL OR %1$s.valid_to > :t)";

    private final JdbcClient jdbc;
    private final ClientEmailCipher emails;

    /** Emails are decrypted here, inside the service's boundary; the service masks them for IBs before they leave. */
    ClientQueries(JdbcClient jdbc, ClientEmailCipher emails) {
        this.jdbc = jdbc;
        this.emails = emails;
    }

    Optional<ClientDetails> details(String externalId) {
        return jdbc.sql("""
                        SELECT c.external_id, c.kyc_status, c.country, c.registered_at, c.ftd_at, c.ftd_amount, c.email,
                               p.code AS partner_code
                        FROM client c
                        LEFT JOIN client_attribution ca ON ca.client_id = c.id AND ca.valid_to IS NULL
                        LEFT JOIN partner p ON p.id = ca.partner_id
                        WHERE c.external_id = :externalId
                        """).param("externalId", externalId)
                .query((rs, row) -> new ClientDetails(rs.getString("external_id"), rs.getString("partner_code"),
                        KycStatus.valueOf(rs.getString("kyc_status")), rs.getString("country"),
                        UtcColumns.read(rs, "registered_at"), UtcColumns.read(rs, "ftd_at"), rs.getBigDecimal("ftd_amount"),
                        emails.open(rs.getString("email"))))
                .optional();
    }

    /** The client's attributions, oldest first, with partner codes; uses ix_client_attribution_client. */
    List<AttributionPeriod> attributionHistory(long clientId) {
        return jdbc.sql("""
                        SELECT p.code, ca.valid_from, ca.valid_to, ca.reason, ca.recorded_at, ca.recorded_by
                        FROM client_attribution ca JOIN partner p ON p.id = ca.partner_id
                        WHERE ca.client_id = :client
                        ORDER BY ca.valid_from, ca.id
                        """).param("client", clientId)
                .query((rs, row) -> new AttributionPeriod(rs.getString("code"), UtcColumns.read(rs, "valid_from"),
                        UtcColumns.read(rs, "valid_to"), rs.getString("reason"), UtcColumns.read(rs, "recorded_at"),
                        rs.getString("recorded_by")))
                .list();
    }

    /**
     * The client's partner at {@code t} and that partner's ancestors at {@code t}, nearest first; uses
     * uq_client_external_id, ix_client_attribution_client and partner_path's primary key.
     */
    List<Upline.Level> uplineAt(String externalId, Instant t) {
        return jdbc.sql("""
                        SELECT p.id, p.code, pp.depth
                        FROM client c
                        JOIN client_attribution ca ON ca.client_id = c.id AND %s
                        JOIN partner_path pp ON pp.descendant_id = ca.partner_id AND %s
                        JOIN partner p ON p.id = pp.ancestor_id
                        WHERE c.external_id = :externalId
                        ORDER BY pp.depth
                        """.formatted(VALID_AT.formatted("ca"), VALID_AT.formatted("pp")))
                .param("externalId", externalId).param("t", UtcColumns.param(t))
                .query((rs, row) -> new Upline.Level(rs.getLong("id"), rs.getString("code"), rs.getInt("depth")))
                .list();
    }

    /** Clients currently attributed to the partner or anyone in its current subtree. */
    long subtreeClientCount(long partnerId) {
        return jdbc.sql("""
                        SELECT COUNT(*)
                        FROM partner_path pp
                        JOIN client_attribution ca ON ca.partner_id = pp.descendant_id AND ca.valid_to IS NULL
                        WHERE pp.ancestor_id = :partner AND pp.valid_to IS NULL
                        """).param("partner", partnerId).query(Long.class).single();
    }

    /** Clients attributed to nobody, oldest registration first. */
    Paged<UnmatchedClient> unmatched(int page, int size) {
        String unmatched = "NOT EXISTS (SELECT 1 FROM client_attribution ca WHERE ca.client_id = c.id)";
        long total = jdbc.sql("SELECT COUNT(*) FROM client c WHERE " + unmatched).query(Long.class).single();
        List<UnmatchedClient> items = jdbc.sql("""
                        SELECT c.external_id, c.referral_code, c.campaign, c.registered_at, c.country, c.email
                        FROM client c WHERE %s ORDER BY c.registered_at, c.id LIMIT :size OFFSET :offset
                        """.formatted(unmatched)).param("size", size).param("offset", (long) page * size)
                .query((rs, row) -> new UnmatchedClient(rs.getString("external_id"), rs.getString("referral_code"),
                        rs.getString("campaign"), UtcColumns.read(rs, "registered_at"), rs.getString("country"),
                        emails.open(rs.getString("email"))))
                .list();
        return new Paged<>(items, page, size, total);
    }

    /** Each partner's current own clients, by partner id; one GROUP BY over the open attributions. */
    Map<Long, Long> clientCountsByPartner() {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("SELECT partner_id, COUNT(*) AS n FROM client_attribution WHERE valid_to IS NULL GROUP BY partner_id")
                .query(rs -> {
                    counts.put(rs.getLong("partner_id"), rs.getLong("n"));
                });
        return counts;
    }

    /**
     * The partner's current subtree, itself first, each member with its own current clients and their
     * first deposits and registrations in [from, to): one aggregate query over the closure table.
     */
    List<NetworkMember> network(long rootId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT p.id, p.code, p.name, p.parent_id, s.depth,
                               COUNT(c.id) AS clients,
                               COUNT(CASE WHEN c.ftd_at >= :from AND c.ftd_at < :to THEN 1 END) AS ftds,
                               COUNT(CASE WHEN c.registered_at >= :from AND c.registered_at < :to THEN 1 END) AS registrations,
                               (SELECT COALESCE(SUM(t.lots), 0) FROM commission_trade t
                                WHERE t.direct_partner_code = p.code AND t.closed_at >= :from AND t.closed_at < :to) AS lots
                        FROM partner_path s
                        JOIN partner p ON p.id = s.descendant_id
                        LEFT JOIN client_attribution ca ON ca.partner_id = p.id AND ca.valid_to IS NULL
                        LEFT JOIN client c ON c.id = ca.client_id
                        WHERE s.ancestor_id = :root AND s.valid_to IS NULL
                        GROUP BY p.id, p.code, p.name, p.parent_id, s.depth
                        ORDER BY s.depth, p.code
                        """).param("root", rootId).param("from", UtcColumns.param(from)).param("to", UtcColumns.param(to))
                .query((rs, row) -> {
                    int depth = rs.getInt("depth");
                    long parentId = rs.getLong("parent_id");
                    return new NetworkMember(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                            depth == 0 || rs.wasNull() ? null : parentId, depth, rs.getLong("clients"), rs.getLong("ftds"),
                            rs.getLong("registrations"), rs.getBigDecimal("lots").stripTrailingZeros());
                })
                .list();
    }

    /** A slice of the clients currently in the partner's subtree, newest registration first. */
    List<ClientDetails> subtreeClients(long partnerId, long offset, int limit) {
        return jdbc.sql("""
                        SELECT c.external_id, c.kyc_status, c.country, c.registered_at, c.ftd_at, c.ftd_amount, c.email,
                               p.code AS partner_code
                        FROM partner_path pp
                        JOIN client_attribution ca ON ca.partner_id = pp.descendant_id AND ca.valid_to IS NULL
                        JOIN client c ON c.id = ca.client_id
                        JOIN partner p ON p.id = ca.partner_id
                        WHERE pp.ancestor_id = :partner AND pp.valid_to IS NULL
                        ORDER BY c.registered_at DESC, c.id DESC
                        LIMIT :limit OFFSET :offset
                        """).param("partner", partnerId).param("limit", limit).param("offset", offset)
                .query((rs, row) -> new ClientDetails(rs.getString("external_id"), rs.getString("partner_code"),
                        KycStatus.valueOf(rs.getString("kyc_status")), rs.getString("country"),
                        UtcColumns.read(rs, "registered_at"), UtcColumns.read(rs, "ftd_at"), rs.getBigDecimal("ftd_amount"),
                        emails.open(rs.getString("email"))))
                .list();
    }

    /** Registrations and first deposits in [from, to) of clients attributed to the partner at that instant. */
    DirectClientActivity directClientActivity(String partnerCode, Instant from, Instant toExclusive) {
        String attributedAt = """
                JOIN client_attribution ca ON ca.client_id = c.id AND ca.valid_from <= c.%1$s
                     AND (ca.valid_to IS NULL OR ca.valid_to > c.%1$s)
                JOIN partner p ON p.id = ca.partner_id AND p.code = :partner
                WHERE c.%1$s >= :from AND c.%1$s < :to""";
        long registrations = jdbc.sql("SELECT COUNT(*) FROM client c " + attributedAt.formatted("registered_at"))
                .param("partner", partnerCode).param("from", UtcColumns.param(from))
                .param("to", UtcColumns.param(toExclusive)).query(Long.class).single();
        Map<String, BigDecimal> amounts = new HashMap<>();
        long[] ftds = {0};
        jdbc.sql("SELECT c.ftd_currency, COUNT(*) AS n, SUM(c.ftd_amount) AS amount FROM client c "
                        + attributedAt.formatted("ftd_at") + " GROUP BY c.ftd_currency")
                .param("partner", partnerCode).param("from", UtcColumns.param(from))
                .param("to", UtcColumns.param(toExclusive))
                .query(rs -> {
                    ftds[0] += rs.getLong("n");
                    amounts.put(rs.getString("ftd_currency"), rs.getBigDecimal("amount"));
                });
        return new DirectClientActivity(registrations, ftds[0], amounts);
    }
}
