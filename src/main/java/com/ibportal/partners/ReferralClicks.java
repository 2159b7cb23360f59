package com.ibportal.partners;

import com.ibportal.shared.UtcColumns;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Clicks on referral links, written on every redirect and only ever counted. */
@Repository
class ReferralClicks {

    record CampaignClicks(String campaign, long total, long recent) {
    }

    private final JdbcClient jdbc;

    ReferralClicks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> partnerId(String code) {
        return jdbc.sql("SELECT id FROM partner WHERE code = ?").param(code).query(Long.class).optional();
    }

    /** {@code partnerId} null: an organic click (the code matched no partner). */
    void record(Long partnerId, String campaign, Instant at, String ipHash, String userAgent) {
        jdbc.sql("""
                INSERT INTO referral_click (id, partner_id, campaign, clicked_at, ip_hash, user_agent)
                VALUES (NEXTVAL(referral_click_seq), ?, ?, ?, ?, ?)
                """).params(partnerId, campaign, UtcColumns.param(at), ipHash, userAgent).update();
    }

    /** Per campaign (null: the base link), the partner's clicks in all and since {@code since}; one grouped query. */
    List<CampaignClicks> countsFor(String partnerCode, Instant since) {
        return jdbc.sql("""
                SELECT c.campaign, COUNT(*) AS total, COALESCE(SUM(c.clicked_at >= :since), 0) AS recent
                FROM referral_click c JOIN partner p ON p.id = c.partner_id
                WHERE p.code = :code
                GROUP BY c.campaign
                """).param("since", UtcColumns.param(since)).param("code", partnerCode)
                .query((rs, row) -> new CampaignClicks(rs.getString("campaign"), rs.getLong("total"), rs.getLong("recent")))
                .list();
    }
}
