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
 * Match-Trader Broker API records: closed positions ({@code …/trading-data/closed-positions}) and ledger
 * operations ({@code …/trading-data/ledgers}). A record with a {@code type} is a ledger operation.
 * <ul>
 * <li>Closed positions {id, login, symbol, volume (lots), side, open_price, open_time, close_time (RFC 3339), swap,
 * profit, net_profit, commission, currency?} → {@code trade.closed}.</li>
 * <li>Ledger operations of type DEPOSIT / WITHDRAWAL {id, login, type, time, profit (the signed amount),
 * currency?} → deposit / withdrawal; CREDIT_IN, CREDIT_OUT, AGENT_COMMISSION, … produce nothing.</li>
 * </ul>
 * Several field names are unconfirmed by the vendor (see DECISIONS.md). Event ids {@code <serverId>:position:<id>}
 * and {@code <serverId>:ledger:<id>}.
 */
public final class MatchTraderFormat implements EventFormat {

    @Override
    public String name() {
        return "matchtrader";
    }

    @Override
    public List<CanonicalEvent> map(JsonNode payload, FormatContext context) {
        List<CanonicalEvent> events = new ArrayList<>();
        for (VendorRecord record : VendorRecord.split(payload, context)) {
            if (!record.has("type")) {
                events.add(closedPosition(record));
                continue;
            }
            String type = record.text("type");
            if (type.equals("DEPOSIT") || type.equals("WITHDRAWAL")) {
                BigDecimal amount = record.decimal("profit");
                if (amount.signum() != 0) {
                    String login = record.text("login");
                    String id = record.text("id");
                    events.add(record.cashTransfer("ledger:" + id, record.instant("time"), login, id,
                            type.equals("DEPOSIT"), amount.abs(), record.currencyOrAccountCurrency("currency", "login", login)));
                }
            }
        }
        return events;
    }

    private static CanonicalEvent closedPosition(VendorRecord position) {
        String login = position.text("login");
        String id = position.text("id");
        Instant closedAt = position.instant("close_time");
        return position.event("position:" + id, closedAt, login, () -> new EventData.TradeClosed(id, login,
                Platform.MATCHTRADER, position.text("symbol"), position.decimal("volume").abs(),
                position.instant("open_time"), closedAt, null, position.optionalDecimal("profit"),
                position.optionalDecimal("swap"), position.optionalDecimal("commission"),
                position.currencyOrAccountCurrency("currency", "login", login)));
    }
}
