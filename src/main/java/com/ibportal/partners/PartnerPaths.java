package com.ibportal.partners;

import com.ibportal.shared.UtcColumns;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The effective-dated closure table: one row per (ancestor, descendant) pair per validity interval.
 * The open rows (valid_to NULL) are the latest structure.
 */
@Repository
class PartnerPaths {

    private final JdbcClient jdbc;

    PartnerPaths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new partner's paths: itself at depth 0 and each current ancestor of its parent one level further. */
    void addLeaf(long partnerId, Long parentId, Instant from) {
        jdbc.sql("INSERT INTO partner_path (ancestor_id, descendant_id, depth, valid_from, valid_to) VALUES (?, ?, 0, ?, NULL)")
                .params(partnerId, partnerId, UtcColumns.param(from)).update();
        if (parentId != null) {
            jdbc.sql("""
                    INSERT INTO partner_path (ancestor_id, descendant_id, depth, valid_from, valid_to)
                    SELECT ancestor_id, ?, depth + 1, ?, NULL FROM partner_path WHERE descendant_id = ? AND valid_to IS NULL
                    """).params(partnerId, UtcColumns.param(from), parentId).update();
        }
    }

    /** Whether {@code descendantId} is in the current subtree of {@code ancestorId} (itself included). */
    boolean isInSubtree(long ancestorId, long descendantId) {
        return jdbc.sql("SELECT COUNT(*) FROM partner_path WHERE ancestor_id = ? AND descendant_id = ? AND valid_to IS NULL")
                .params(ancestorId, descendantId).query(Long.class).single() > 0;
    }

    /** The current subtree of a partner, itself included, locked (and read as committed now) for a move. */
    List<Long> subtreeIds(long partnerId) {
        return jdbc.sql("SELECT descendant_id FROM partner_path WHERE ancestor_id = ? AND valid_to IS NULL FOR UPDATE")
                .params(partnerId).query(Long.class).list();
    }

    /** The latest start among the open rows of these descendants: no change may take effect before it. */
    Optional<Instant> latestOpenValidFrom(List<Long> descendantIds) {
        return jdbc.sql("SELECT MAX(valid_from) AS latest FROM partner_path WHERE descendant_id IN (:ids) AND valid_to IS NULL")
                .param("ids", descendantIds).query((rs, row) -> Optional.ofNullable(UtcColumns.read(rs, "latest"))).single();
    }

    /**
     * Moves a subtree under a new parent (null: top level) from {@code at}: the open rows linking it to
     * ancestors outside it end at {@code at}, and rows linking it to the new parent's ancestors start then.
     * The rows inside the subtree stay as they are.
     */
    void move(long partnerId, List<Long> subtreeIds, Long newParentId, Instant at) {
        var from = UtcColumns.param(at);
        jdbc.sql("""
                UPDATE partner_path SET valid_to = :at
                WHERE descendant_id IN (:subtree) AND ancestor_id NOT IN (:subtree) AND valid_to IS NULL
                """).param("at", from).param("subtree", subtreeIds).update();
        if (newParentId != null) {
            jdbc.sql("""
                    INSERT INTO partner_path (ancestor_id, descendant_id, depth, valid_from, valid_to)
                    SELECT up.ancestor_id, down.descendant_id, up.depth + down.depth + 1, :at, NULL
                    FROM partner_path up JOIN partner_path down ON down.ancestor_id = :partner AND down.valid_to IS NULL
                    WHERE up.descendant_id = :parent AND up.valid_to IS NULL
                    """).param("at", from).param("partner", partnerId).param("parent", newParentId).update();
        }
    }
}
