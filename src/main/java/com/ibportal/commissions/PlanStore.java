package com.ibportal.commissions;

import com.ibportal.shared.UtcColumns;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The plan tables. Versions and assignments are only ever inserted: there is no update or delete of either here.
 * Partner codes are resolved by reading the partner table, as the clients module does for its listings.
 */
@Repository
class PlanStore {

    record PlanRow(long id, String code, String name, Instant createdAt) {
    }

    record VersionRow(long id, long planId, int number, String document, Instant effectiveFrom, Instant createdAt,
                      String createdBy) {
    }

    /** An assignment as the resolver needs it; rows of one partner come in the order they were made. */
    record AssignmentRow(long id, String partnerCode, long planId, String planCode, Instant effectiveFrom,
                         Instant assignedAt, String assignedBy) {
    }

    private final JdbcClient jdbc;

    PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PlanRow> plan(String code) {
        return jdbc.sql("SELECT id, code, name, created_at FROM plan WHERE code = ?").param(code)
                .query((rs, n) -> new PlanRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        UtcColumns.read(rs, "created_at"))).optional();
    }

    /** The plan row locked until the transaction ends, so that two puts of one plan number their versions in turn. */
    Optional<PlanRow> lockPlan(String code) {
        return jdbc.sql("SELECT id, code, name, created_at FROM plan WHERE code = ? FOR UPDATE").param(code)
                .query((rs, n) -> new PlanRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        UtcColumns.read(rs, "created_at"))).optional();
    }

    List<PlanRow> plans() {
        return jdbc.sql("SELECT id, code, name, created_at FROM plan ORDER BY code")
                .query((rs, n) -> new PlanRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        UtcColumns.read(rs, "created_at"))).list();
    }

    long insertPlan(String code, String name, Instant now, String by) {
        long id = nextId("plan_seq");
        jdbc.sql("INSERT INTO plan (id, code, name, created_at, created_by) VALUES (?, ?, ?, ?, ?)")
                .params(id, code, name, UtcColumns.param(now), by).update();
        return id;
    }

    void rename(long planId, String name) {
        jdbc.sql("UPDATE plan SET name = ? WHERE id = ?").params(name, planId).update();
    }

    /** Every version of the given plans, oldest first within a plan; with {@code withDocuments} false the text is null. */
    List<VersionRow> versions(Collection<Long> planIds, boolean withDocuments) {
        if (planIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, plan_id, version_number, " + (withDocuments ? "document" : "NULL AS document")
                        + ", effective_from, created_at, created_by FROM plan_version WHERE plan_id IN (:plans)"
                        + " ORDER BY plan_id, version_number")
                .param("plans", planIds)
                .query((rs, n) -> new VersionRow(rs.getLong("id"), rs.getLong("plan_id"), rs.getInt("version_number"),
                        rs.getString("document"), UtcColumns.read(rs, "effective_from"), UtcColumns.read(rs, "created_at"),
                        rs.getString("created_by"))).list();
    }

    List<VersionRow> versionsById(Collection<Long> versionIds) {
        if (versionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, plan_id, version_number, document, effective_from, created_at, created_by"
                        + " FROM plan_version WHERE id IN (:ids)")
                .param("ids", versionIds)
                .query((rs, n) -> new VersionRow(rs.getLong("id"), rs.getLong("plan_id"), rs.getInt("version_number"),
                        rs.getString("document"), UtcColumns.read(rs, "effective_from"), UtcColumns.read(rs, "created_at"),
                        rs.getString("created_by"))).list();
    }

    long insertVersion(long planId, int number, String document, Instant effectiveFrom, Instant now, String by) {
        long id = nextId("plan_version_seq");
        jdbc.sql("""
                        INSERT INTO plan_version (id, plan_id, version_number, document, effective_from, created_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, planId, number, document, UtcColumns.param(effectiveFrom), UtcColumns.param(now), by).update();
        return id;
    }

    /**
     * Every assignment of the given partners, in the order made, with a row of nulls for a partner that has
     * none (so "no plan" can be cached too); partners that do not exist are absent.
     */
    List<AssignmentRow> assignments(Collection<String> partnerCodes) {
        if (partnerCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT p.code AS partner_code, pp.id, pp.plan_id, pl.code AS plan_code, pp.effective_from,
                               pp.assigned_at, pp.assigned_by
                        FROM partner p
                        LEFT JOIN partner_plan pp ON pp.partner_id = p.id
                        LEFT JOIN plan pl ON pl.id = pp.plan_id
                        WHERE p.code IN (:codes)
                        ORDER BY p.code, pp.id""")
                .param("codes", partnerCodes)
                .query((rs, n) -> new AssignmentRow(rs.getLong("id"), rs.getString("partner_code"), rs.getLong("plan_id"),
                        rs.getString("plan_code"), UtcColumns.read(rs, "effective_from"), UtcColumns.read(rs, "assigned_at"),
                        rs.getString("assigned_by"))).list();
    }

    void insertAssignment(long partnerId, long planId, Instant effectiveFrom, Instant now, String by) {
        jdbc.sql("""
                        INSERT INTO partner_plan (id, partner_id, plan_id, effective_from, assigned_at, assigned_by)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(nextId("partner_plan_seq"), partnerId, planId, UtcColumns.param(effectiveFrom), UtcColumns.param(now), by)
                .update();
    }

    /** Whether the partner has ever been given the plan (past, present or future assignments). */
    boolean everAssigned(String partnerCode, long planId) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM partner_plan pp JOIN partner p ON p.id = pp.partner_id
                        WHERE p.code = ? AND pp.plan_id = ?""")
                .params(partnerCode, planId).query(Long.class).single() > 0;
    }

    private long nextId(String sequence) {
        return jdbc.sql("SELECT NEXTVAL(" + sequence + ")").query(Long.class).single();
    }
}
