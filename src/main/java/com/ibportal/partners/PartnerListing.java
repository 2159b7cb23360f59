package com.ibportal.partners;

import com.ibportal.shared.Paged;
import com.ibportal.shared.UtcColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pages of partners with their parents' codes, each one indexed query. */
@Repository
class PartnerListing {

    private static final String SELECT = """
            SELECT p.id, p.code, p.name, p.email, p.status, p.created_at, p.may_recruit, parent.code AS parent_code
            FROM partner p LEFT JOIN partner parent ON parent.id = p.parent_id
            """;

    private final JdbcClient jdbc;

    PartnerListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Paged<PartnerSummary> all(int page, int size) {
        long total = jdbc.sql("SELECT COUNT(*) FROM partner").query(Long.class).single();
        List<PartnerSummary> items = jdbc.sql(SELECT + " ORDER BY p.code LIMIT :size OFFSET :offset")
                .param("size", size).param("offset", (long) page * size).query(PartnerListing::summary).list();
        return new Paged<>(items, page, size, total);
    }

    /** The current subtree of a partner, itself included. */
    Paged<PartnerSummary> subtree(long rootId, int page, int size) {
        String join = " JOIN partner_path s ON s.descendant_id = p.id AND s.ancestor_id = :root AND s.valid_to IS NULL ";
        long total = jdbc.sql("SELECT COUNT(*) FROM partner_path s WHERE s.ancestor_id = :root AND s.valid_to IS NULL")
                .param("root", rootId).query(Long.class).single();
        List<PartnerSummary> items = jdbc.sql(SELECT + join + " ORDER BY p.code LIMIT :size OFFSET :offset")
                .param("root", rootId).param("size", size).param("offset", (long) page * size)
                .query(PartnerListing::summary).list();
        return new Paged<>(items, page, size, total);
    }

    List<PartnerSummary> children(long parentId) {
        return jdbc.sql(SELECT + " WHERE p.parent_id = :parent ORDER BY p.code").param("parent", parentId)
                .query(PartnerListing::summary).list();
    }

    private static PartnerSummary summary(ResultSet rs, int row) throws SQLException {
        return new PartnerSummary(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("email"),
                rs.getString("parent_code"), PartnerStatus.valueOf(rs.getString("status")),
                UtcColumns.read(rs, "created_at"), rs.getBoolean("may_recruit"));
    }
}
