package com.ibportal.partners;

import java.time.Instant;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The effective-dated closure table: one row per (ancestor, descendant) pair per validity interval. */
@Repository
class PartnerPaths {

    private final JdbcClient jdbc;

    PartnerPaths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new partner's paths: itself at depth 0 and each current ancestor of its parent one level further. */
    void addLeaf(long partnerId, Long parentId, Instant from) {
        jdbc.sql("INSERT INTO partner_path (ancestor_id, descendant_id, depth, valid_from, valid_to) VALUES (?, ?, 0, ?, NULL)")
                .params(partnerId, partnerId, Timestamp.from(from)).update();
        if (parentId != null) {
            jdbc.sql("""
                    INSERT INTO partner_path (ancestor_id, descendant_id, depth, valid_from, valid_to)
                    SELECT ancestor_id, ?, depth + 1, ?, NULL FROM partner_path WHERE descendant_id = ? AND valid_to IS NULL
                    """).params(partnerId, Timestamp.from(from), parentId).update();
        }
    }

    /** Whether {@code descendantId} is in the current subtree of {@code ancestorId} (itself included). */
    boolean isInSubtree(long ancestorId, long descendantId) {
        return jdbc.sql("SELECT COUNT(*) FROM partner_path WHERE ancestor_id = ? AND descendant_id = ? AND valid_to IS NULL")
                .params(ancestorId, descendantId).query(Long.class).single() > 0;
    }
}
