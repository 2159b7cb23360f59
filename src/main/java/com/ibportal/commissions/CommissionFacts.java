package com.ibportal.commissions;

import com.ibportal.commissions.engine.ClosedTrade;
import com.ibportal.shared.CurrencyCode;
import com.ibportal.shared.Lots;
import com.ibportal.shared.UtcColumns;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The trades and transfers commissions are computed from, stored once per business key (client and
 * deal, client and transaction) so that a trade reported twice under two event ids still pays once.
 */
@Repository
class CommissionFacts {

    /** Facts are stored, and therefore computed, at this precision, so a replay from the table gives the same lines. */
    static final int FACT_SCALE = 10;

    static final String TRADE_COLUMNS = """
            t.id, t.event_id, t.client_id, t.deal_id, t.symbol, t.lots, t.opened_at, t.closed_at, t.spread_revenue,
            t.profit, t.swap, t.currency, t.direct_partner_code, t.computed""";

    private final JdbcClient jdbc;
    private final Clock clock;

    CommissionFacts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A trade as stored: the engine's view of it plus where the ledger stands with it. */
    record StoredTrade(long id, ClosedTrade trade, String directPartnerCode, boolean computed) {
    }

    /** A deposit or withdrawal as stored. */
    record StoredTransfer(String eventId, String clientId, String transactionId, boolean deposit, Instant occurredAt,
                          BigDecimal amount, CurrencyCode currency, Instant chargedBackAt) {
    }

    static BigDecimal normalise(BigDecimal value) {
        return value == null ? null : value.setScale(FACT_SCALE, RoundingMode.HALF_EVEN);
    }

    /** Stores the trade unless its deal is already known; answers whether it was new. */
    boolean addTrade(TradeFacts t) {
        return jdbc.sql("""
                        INSERT IGNORE INTO commission_trade (event_id, client_id, deal_id, platform, account_login, symbol,
                            lots, opened_at, closed_at, spread_revenue, profit, swap, commission, currency, recorded_at)
                        VALUES (:event, :client, :deal, :platform, :login, :symbol, :lots, :opened, :closed, :spread,
                            :profit, :swap, :commission, :currency, :now)
                        """)
                .param("event", t.eventId()).param("client", t.clientId()).param("deal", t.dealId())
                .param("platform", t.platform() == null ? "OTHER" : t.platform())
                .param("login", t.accountLogin() == null ? "" : t.accountLogin()).param("symbol", t.symbol())
                .param("lots", normalise(t.lots())).param("opened", UtcColumns.param(t.openedAt()))
                .param("closed", UtcColumns.param(t.closedAt())).param("spread", normalise(t.spreadRevenue()))
                .param("profit", normalise(t.profit())).param("swap", normalise(t.swap()))
                .param("commission", normalise(t.commission())).param("currency", t.currency().code())
                .param("now", UtcColumns.param(clock.instant()))
                .update() == 1;
    }

    Optional<StoredTrade> trade(String clientId, String dealId) {
        return jdbc.sql("SELECT " + TRADE_COLUMNS + " FROM commission_trade t WHERE t.client_id = :client AND t.deal_id = :deal")
                .param("client", clientId).param("deal", dealId).query(CommissionFacts::storedTrade).optional();
    }

    /** The client's trades closed in [from, to], oldest first. */
    List<StoredTrade> tradesOfClient(String clientId, Instant from, Instant to) {
        return jdbc.sql("SELECT " + TRADE_COLUMNS + " " + """
                         FROM commission_trade t WHERE t.client_id = :client AND t.closed_at >= :from AND t.closed_at <= :to
                         ORDER BY t.closed_at, t.event_id""")
                .param("client", clientId).param("from", UtcColumns.param(from)).param("to", UtcColumns.param(to))
                .query(CommissionFacts::storedTrade).list();
    }

    /** Computed trades at or after {@code from} whose direct partner sits, now, in the subtree of {@code partnerCode}. */
    List<StoredTrade> tradesInSubtreeFrom(String partnerCode, Instant from) {
        return jdbc.sql("SELECT " + TRADE_COLUMNS + " " + """
                         FROM commission_trade t
                         JOIN partner d ON d.code = t.direct_partner_code
                         JOIN partner_path pp ON pp.descendant_id = d.id AND pp.valid_to IS NULL
                         JOIN partner m ON m.id = pp.ancestor_id
                         WHERE m.code = :partner AND t.closed_at >= :from AND t.computed
                         ORDER BY t.closed_at, t.event_id""")
                .param("partner", partnerCode).param("from", UtcColumns.param(from))
                .query(CommissionFacts::storedTrade).list();
    }

    /** Computed trades closed in [from, to) after the keyset position, in (closed_at, id) order: a replay reads a period in pages. */
    List<StoredTrade> computedTradesBetween(Instant from, Instant toExclusive, Instant afterClosedAt, long afterId, int limit) {
        return jdbc.sql("SELECT " + TRADE_COLUMNS + " " + """
                         FROM commission_trade t WHERE t.computed AND t.closed_at >= :from AND t.closed_at < :to
                         AND (t.closed_at > :afterClosed OR (t.closed_at = :afterClosed AND t.id > :afterId))
                         ORDER BY t.closed_at, t.id LIMIT :limit""")
                .param("from", UtcColumns.param(from)).param("to", UtcColumns.param(toExclusive))
                .param("afterClosed", UtcColumns.param(afterClosedAt)).param("afterId", afterId).param("limit", limit)
                .query(CommissionFacts::storedTrade).list();
    }

    /** Computed trades of the partner's direct clients closed after this one in the same UTC month, in order. */
    List<StoredTrade> laterTradesInMonth(String partnerCode, ClosedTrade trade) {
        Instant monthEnd = java.time.YearMonth.from(trade.closedAt().atOffset(java.time.ZoneOffset.UTC)).plusMonths(1)
                .atDay(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        return jdbc.sql("SELECT " + TRADE_COLUMNS + " " + """
                         FROM commission_trade t WHERE t.direct_partner_code = :partner AND t.computed
                         AND t.closed_at < :monthEnd
                         AND (t.closed_at > :closed OR (t.closed_at = :closed AND t.event_id > :event))
                         ORDER BY t.closed_at, t.event_id""")
                .param("partner", partnerCode).param("monthEnd", UtcColumns.param(monthEnd))
                .param("closed", UtcColumns.param(trade.closedAt())).param("event", trade.eventId())
                .query(CommissionFacts::storedTrade).list();
    }

    /** The broker's revenue of a symbol on a UTC day, in one trade currency: spread and the commission as the client sees it. */
    record RevenueBucket(String symbol, CurrencyCode currency, LocalDate day, BigDecimal lots, BigDecimal spreadRevenue,
                         BigDecimal commission) {
    }

    /**
     * Lots, spread revenue and commission of every stored trade closed in [from, to) that reports a spread revenue
     * or a commission, whoever the client belongs to: what the broker earns does not depend on attribution.
     */
    List<RevenueBucket> revenueBetween(Instant from, Instant toExclusive) {
        return jdbc.sql("""
                        SELECT symbol, currency, DATE(closed_at) AS day, SUM(lots) AS lots,
                               SUM(COALESCE(spread_revenue, 0)) AS spread, SUM(COALESCE(commission, 0)) AS commission
                        FROM commission_trade
                        WHERE closed_at >= :from AND closed_at < :to AND (spread_revenue IS NOT NULL OR commission IS NOT NULL)
                        GROUP BY symbol, currency, DATE(closed_at)
                        """)
                .param("from", UtcColumns.param(from)).param("to", UtcColumns.param(toExclusive))
                .query((rs, row) -> new RevenueBucket(rs.getString("symbol"), CurrencyCode.of(rs.getString("currency")),
                        rs.getObject("day", LocalDate.class), rs.getBigDecimal("lots"), rs.getBigDecimal("spread"),
                        rs.getBigDecimal("commission")))
                .list();
    }

    void markComputed(long tradeId, String directPartnerCode) {
        jdbc.sql("UPDATE commission_trade SET computed = TRUE, direct_partner_code = :partner WHERE id = :id")
                .param("partner", directPartnerCode).param("id", tradeId).update();
    }

    /**
     * The lots of the partner's direct clients closed earlier in the same month than this trade (ties
     * broken by event id), for tiers: the running monthly total before the trade.
     */
    Lots monthLotsBefore(String partnerCode, Instant monthStart, ClosedTrade trade) {
        BigDecimal lots = jdbc.sql("""
                        SELECT COALESCE(SUM(lots), 0) FROM commission_trade
                        WHERE direct_partner_code = :partner AND computed AND closed_at >= :monthStart
                          AND (closed_at < :closed OR (closed_at = :closed AND event_id < :event))
                        """)
                .param("partner", partnerCode).param("monthStart", UtcColumns.param(monthStart))
                .param("closed", UtcColumns.param(trade.closedAt())).param("event", trade.eventId())
                .query(BigDecimal.class).single();
        return Lots.of(lots);
    }

    /** Lots of the partner's direct clients closed in [from, to). */
    BigDecimal lots(String partnerCode, Instant from, Instant toExclusive) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(lots), 0) FROM commission_trade
                        WHERE direct_partner_code = :partner AND closed_at >= :from AND closed_at < :to
                        """)
                .param("partner", partnerCode).param("from", UtcColumns.param(from))
                .param("to", UtcColumns.param(toExclusive)).query(BigDecimal.class).single();
    }

    /** Stores the transfer unless its transaction is already known; answers whether it was new. */
    boolean addTransfer(TransferFacts t) {
        return jdbc.sql("""
                        INSERT IGNORE INTO commission_transfer (event_id, client_id, transaction_id, direction, occurred_at,
                            amount, currency, recorded_at)
                        VALUES (:event, :client, :tx, :direction, :at, :amount, :currency, :now)
                        """)
                .param("event", t.eventId()).param("client", t.clientId()).param("tx", t.transactionId())
                .param("direction", t.deposit() ? "DEPOSIT" : "WITHDRAWAL").param("at", UtcColumns.param(t.occurredAt()))
                .param("amount", normalise(t.amount())).param("currency", t.currency().code())
                .param("now", UtcColumns.param(clock.instant()))
                .update() == 1;
    }

    /** The client's first deposit (FTD): the earliest by instant, whether or not it was charged back. */
    Optional<StoredTransfer> firstDeposit(String clientId) {
        return jdbc.sql("""
                        SELECT event_id, client_id, transaction_id, direction, occurred_at, amount, currency, charged_back_at
                        FROM commission_transfer WHERE client_id = :client AND direction = 'DEPOSIT'
                        ORDER BY occurred_at, transaction_id LIMIT 1
                        """).param("client", clientId).query(CommissionFacts::storedTransfer).optional();
    }

    Optional<StoredTransfer> deposit(String clientId, String transactionId) {
        return jdbc.sql("""
                        SELECT event_id, client_id, transaction_id, direction, occurred_at, amount, currency, charged_back_at
                        FROM commission_transfer WHERE client_id = :client AND transaction_id = :tx AND direction = 'DEPOSIT'
                        """).param("client", clientId).param("tx", transactionId)
                .query(CommissionFacts::storedTransfer).optional();
    }

    /** Marks the deposit charged back at {@code at}; answers false if it already was. */
    boolean chargeBack(String clientId, String transactionId, Instant at) {
        return jdbc.sql("""
                        UPDATE commission_transfer SET charged_back_at = :at
                        WHERE client_id = :client AND transaction_id = :tx AND charged_back_at IS NULL
                        """).param("at", UtcColumns.param(at)).param("client", clientId).param("tx", transactionId)
                .update() == 1;
    }

    static StoredTrade storedTrade(ResultSet rs, int row) throws SQLException {
        ClosedTrade trade = new ClosedTrade(rs.getString("event_id"), rs.getString("client_id"), rs.getString("deal_id"),
                rs.getString("symbol"), Lots.of(rs.getBigDecimal("lots")), UtcColumns.read(rs, "opened_at"),
                UtcColumns.read(rs, "closed_at"), rs.getBigDecimal("spread_revenue"), rs.getBigDecimal("profit"),
                rs.getBigDecimal("swap"), CurrencyCode.of(rs.getString("currency")));
        return new StoredTrade(rs.getLong("id"), trade, rs.getString("direct_partner_code"), rs.getBoolean("computed"));
    }

    private static StoredTransfer storedTransfer(ResultSet rs, int row) throws SQLException {
        return new StoredTransfer(rs.getString("event_id"), rs.getString("client_id"), rs.getString("transaction_id"),
                "DEPOSIT".equals(rs.getString("direction")), UtcColumns.read(rs, "occurred_at"), rs.getBigDecimal("amount"),
                CurrencyCode.of(rs.getString("currency")), UtcColumns.read(rs, "charged_back_at"));
    }
}
