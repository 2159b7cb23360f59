package com.ibportal.dashboard;

import com.ibportal.partners.PartnerService;
import com.ibportal.partners.PartnerSummary;
import com.ibportal.security.CurrentUser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Day-by-day registrations and first deposits for a partner's network or the whole program.
 * Subtrees come from the closure table in one query, never by walking the tree in Java.
 */
@Service
public class ActivityService {

    private static final String NETWORK_JOIN = """
            JOIN client_attribution a ON a.client_id = c.id AND a.valid_to IS NULL
            JOIN partner_path pp ON pp.descendant_id = a.partner_id AND pp.valid_to IS NULL AND pp.ancestor_id = :partner
            """;

    private final JdbcClient jdbc;
    private final PartnerService partners;
    private final CurrentUser currentUser;

    ActivityService(JdbcClient jdbc, PartnerService partners, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.currentUser = currentUser;
    }

    /** The whole program; for admins and finance. */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional(readOnly = true)
    public ActivityOverview program(LocalDate from, LocalDate to) {
        long partnerCount = jdbc.sql("SELECT COUNT(*) FROM partner").query(Long.class).single();
        long clientCount = jdbc.sql("SELECT COUNT(*) FROM client").query(Long.class).single();
        return new ActivityOverview("program", from, to, partnerCount, clientCount, days("", Map.of(), from, to));
    }

    /** The network of a partner the caller may see (an IB: its own subtree only). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ActivityOverview network(String partnerCode, LocalDate from, LocalDate to) {
        PartnerSummary partner = partners.get(partnerCode);
        Map<String, Object> params = Map.of("partner", partner.id());
        long partnerCount = jdbc.sql("SELECT COUNT(*) FROM partner_path pp WHERE pp.ancestor_id = :partner AND pp.valid_to IS NULL")
                .params(params).query(Long.class).single();
        long clientCount = jdbc.sql("SELECT COUNT(*) FROM client c " + NETWORK_JOIN).params(params).query(Long.class).single();
        return new ActivityOverview(partner.code(), from, to, partnerCount, clientCount, days(NETWORK_JOIN, params, from, to));
    }

    /** The signed-in IB's own network. */
    @PreAuthorize("hasRole('IB')")
    @Transactional(readOnly = true)
    public ActivityOverview myNetwork(LocalDate from, LocalDate to) {
        return network(currentUser.requirePartnerCode(), from, to);
    }

    // DATETIME columns hold UTC wall-clock time, so a UTC day is bound as a LocalDateTime, whatever the JVM's zone
    private List<DailyActivity> days(String join, Map<String, Object> params, LocalDate from, LocalDate to) {
        Map<String, Object> range = new java.util.HashMap<>(params);
        range.put("from", from.atStartOfDay());
        range.put("to", to.plusDays(1).atStartOfDay());
        Map<LocalDate, long[]> registrations = new TreeMap<>();
        jdbc.sql("SELECT DATE(c.registered_at) AS d, COUNT(*) AS n FROM client c " + join
                        + " WHERE c.registered_at >= :from AND c.registered_at < :to GROUP BY DATE(c.registered_at)")
                .params(range)
                .query((rs, i) -> registrations.put(rs.getDate("d").toLocalDate(), new long[]{rs.getLong("n")}))
                .list();
        Map<LocalDate, Object[]> ftds = new TreeMap<>();
        jdbc.sql("SELECT DATE(c.ftd_at) AS d, COUNT(*) AS n, SUM(c.ftd_amount) AS amount FROM client c " + join
                        + " WHERE c.ftd_at >= :from AND c.ftd_at < :to GROUP BY DATE(c.ftd_at)")
                .params(range)
                .query((rs, i) -> ftds.put(rs.getDate("d").toLocalDate(), new Object[]{rs.getLong("n"), rs.getBigDecimal("amount")}))
                .list();
        List<DailyActivity> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            long regs = registrations.getOrDefault(day, new long[]{0})[0];
            Object[] ftd = ftds.getOrDefault(day, new Object[]{0L, BigDecimal.ZERO});
            days.add(new DailyActivity(day, regs, (Long) ftd[0], (BigDecimal) ftd[1]));
        }
        return days;
    }
}
