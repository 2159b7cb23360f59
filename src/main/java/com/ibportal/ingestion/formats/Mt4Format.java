package com.ibportal.ingestion.formats;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.ibportal.ingestion.canonical.CanonicalEvent;
import com.ibportal.ingestion.canonical.EventData;
import com.ibportal.ingestion.canonical.Platform;

import tools.jackson.databind.JsonNode;

/**
 * MetaTrader 4 Manager API {@code TradeRecord}s. Closed BUY/SELL (cmd 0/1, close_time &gt; 0) → {@code trade.closed}
 * with lots = volume / 100; OP_BALANCE (cmd 6) → deposit or withdrawal by the sign of profit; OP_CREDIT (cmd 7),
 * open trades and pending orders (cmd 2..5) produce nothing. Times are server-local seconds. Event id
 * {@code <serverId>:<order>}.
 */
public final class Mt4Format implements EventFormat {

    private static final BigDecimal VOLUME_PER_LOT = BigDecimal.valueOf(100);
    private static final int OP_SELL = 1;
    private static final int OP_BALANCE = 6;
    private static final int OP_CREDIT = 7;

    @Override
    public String name() {
        return "mt4";
    }

    @Override
    public List<CanonicalEvent> map(JsonNode payload, FormatContext context) {
        List<CanonicalEvent> events = new ArrayList<>();
        for (VendorRecord trade : VendorRecord.split(payload, context)) {
            long cmd = trade.integer("cmd");
            if (cmd < 0 || cmd > OP_CREDIT) {
                throw trade.fail("cmd", "must be 0..5 (orders), 6 (OP_BALANCE) or 7 (OP_CREDIT), was " + cmd);
            }
            if (cmd <= OP_SELL && trade.integer("close_time") > 0) {
                events.add(closedTrade(trade));
            } else if (cmd == OP_BALANCE) {
                balance(trade, events);
            }
            // Open trades, pending orders (cmd 2..5) and OP_CREDIT (broker credit) are not the portal's concern.
        }
        return events;
    }

    private static CanonicalEvent closedTrade(VendorRecord trade) {
        String login = trade.text("login");
        String order = trade.text("order");
        Instant closedAt = trade.serverLocalTime("close_time", false);
        return trade.event(order, closedAt, login, () -> new EventData.TradeClosed(order, login, Platform.MT4,
                trade.text("symbol"), trade.lots("volume", VOLUME_PER_LOT), trade.serverLocalTime("open_time", false),
                closedAt, null, trade.optionalDecimal("profit"), trade.optionalDecimal("storage"),
                trade.optionalDecimal("commission"), trade.accountCurrency("login", login)));
    }

    private static void balance(VendorRecord operation, List<CanonicalEvent> events) {
        BigDecimal profit = operation.decimal("profit");
        if (profit.signum() != 0) {
            String login = operation.text("login");
            String order = operation.text("order");
            // A balance operation is stamped with open_time; close_time repeats it on most servers but may be 0.
            events.add(operation.cashTransfer(order, operation.serverLocalTime("open_time", false), login, order,
                    profit.signum() > 0, profit.abs(), operation.accountCurrency("login", login)));
        }
    }
}
