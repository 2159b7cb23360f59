package com.ibportal.commissions;

import com.ibportal.shared.CurrencyCode;
import com.ibportal.shared.UtcColumns;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rates table; rows are only inserted. */
@Repository
class FxRateStore {

    private final JdbcClient jdbc;

    FxRateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored rate of exactly this pair on that date, locked against a concurrent insert of the same key. */
    java.util.Optional<BigDecimal> rateForUpdate(LocalDate date, CurrencyCode base, CurrencyCode quote) {
        return jdbc.sql("SELECT rate FROM fx_rate WHERE rate_date = ? AND base = ? AND quote = ? FOR UPDATE")
                .params(date, base.code(), quote.code()).query(BigDecimal.class).optional();
    }

    /** The rates of the pair in either direction on that date (at most two rows). */
    List<FxRate> pairBothWays(LocalDate date, CurrencyCode base, CurrencyCode quote) {
        return jdbc.sql("""
                        SELECT rate_date, base, quote, rate FROM fx_rate
                        WHERE rate_date = ? AND ((base = ? AND quote = ?) OR (base = ? AND quote = ?))""")
                .params(date, base.code(), quote.code(), quote.code(), base.code())
                .query((rs, n) -> row(rs)).list();
    }

    void insert(FxRate rate, Instant now, String by) {
        long id = jdbc.sql("SELECT NEXTVAL(fx_rate_seq)").query(Long.class).single();
        jdbc.sql("INSERT INTO fx_rate (id, rate_date, base, quote, rate, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, rate.date(), rate.base().code(), rate.quote().code(), rate.rate(), UtcColumns.param(now), by)
                .update();
    }

    List<FxRate> between(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT rate_date, base, quote, rate FROM fx_rate WHERE rate_date BETWEEN ? AND ? ORDER BY rate_date, base, quote")
                .params(from, to).query((rs, n) -> row(rs)).list();
    }

    /** DECIMAL(30,12) pads every rate to 12 places; explanations and the API show it as it was meant (1.08). */
    static BigDecimal plain(BigDecimal rate) {
        BigDecimal stripped = rate.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static FxRate row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new FxRate(rs.getObject("rate_date", LocalDate.class), CurrencyCode.of(rs.getString("base")),
                CurrencyCode.of(rs.getString("quote")), plain(rs.getBigDecimal("rate")));
    }
}
