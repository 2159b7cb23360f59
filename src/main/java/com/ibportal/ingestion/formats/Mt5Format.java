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
 * MetaTrader 5 Web API records: deals ({@code /api/deal/get_page}, {@code get_batch}) and users
 * ({@code /api/user/get}). Numbers come as strings; times are the trade server's wall clock.
 * <ul>
 * <li>BUY/SELL deals that close (Entry OUT, INOUT, OUT_BY) → {@code trade.closed}, lots = VolumeClosed / 10,000;
 * opening deals (Entry IN) give positions their open time and produce nothing.</li>
 * <li>BALANCE deals → {@code deposit.completed} (Profit &gt; 0) or {@code withdrawal.completed} (Profit &lt; 0).</li>
 * <li>Every other action (credit, charge, correction, bonus, commissions, interest, …) produces nothing: none of
 * them is a client's own money coming in or going out, so none may count as a first deposit.</li>
 * <li>Users → {@code client.registered}, referral code from {@code LeadSource} or the configured field.</li>
 * </ul>
 * Event ids are {@code <serverId>:<Deal>} (a deal ticket is unique per server) and {@code <serverId>:user:<Login>}.
 */
public final class Mt5Format implements EventFormat {

    private static final BigDecimal VOLUME_PER_LOT = BigDecimal.valueOf(10_000);
    private static final int ACTION_BUY = 0;
    private static final int ACTION_SELL = 1;
    private static final int ACTION_BALANCE = 2;
    private static final int ENTRY_IN = 0;
    private static final int ENTRY_OUT_BY = 3;

    @Override
    public String name() {
        return "mt5";
    }

    @Override
    public List<CanonicalEvent> map(JsonNode payload, FormatContext context) {
        List<VendorRecord> records = VendorRecord.split(payload, context);
        OpenTimes openTimes = new OpenTimes(context.positionOpenings());
        records.stream().filter(record -> record.has("Deal") && isTrade(record) && entry(record) == ENTRY_IN)
                .forEach(opening -> openTimes.opened(opening.text("Login"), opening.text("PositionID"), time(opening)));
        List<CanonicalEvent> events = new ArrayList<>();
        for (VendorRecord record : records) {
            if (record.has("Deal")) {
                mapDeal(record, openTimes, events);
            } else if (record.has("Login")) {
                events.add(registration(record));
            } else {
                throw record.fail("Deal", "is required: the record is neither an MT5 deal (Deal) nor a user (Login)");
            }
        }
        return events;
    }

    private static void mapDeal(VendorRecord deal, OpenTimes openTimes, List<CanonicalEvent> events) {
        if (isTrade(deal)) {
            int entry = entry(deal);
            if (entry > ENTRY_IN) {
                events.add(closedTrade(deal, openTimes));
            }
        } else if (deal.integer("Action") == ACTION_BALANCE) {
            balance(deal, events);
        }
    }

    private static CanonicalEvent closedTrade(VendorRecord deal, OpenTimes openTimes) {
        String login = deal.text("Login");
        Instant closedAt = time(deal);
        Instant openedAt = openTimes.of(deal, "PositionID", login, deal.text("PositionID"));
        return deal.event(deal.text("Deal"), closedAt, login, () -> new EventData.TradeClosed(
                deal.text("Deal"), login, Platform.MT5, deal.text("Symbol"), deal.lots("VolumeClosed", VOLUME_PER_LOT),
                openedAt, closedAt, null, deal.optionalDecimal("Profit"), deal.optionalDecimal("Storage"),
                deal.optionalDecimal("Commission"), deal.accountCurrency("Login", login)));
    }

    private static void balance(VendorRecord deal, List<CanonicalEvent> events) {
        BigDecimal profit = deal.decimal("Profit");
        if (profit.signum() != 0) {
            String login = deal.text("Login");
            String ticket = deal.text("Deal");
            events.add(deal.cashTransfer(ticket, time(deal), login, ticket, profit.signum() > 0, profit.abs(),
                    deal.accountCurrency("Login", login)));
        }
    }

    private static CanonicalEvent registration(VendorRecord user) {
        String login = user.text("Login");
        return user.event("user:" + login, user.serverLocalTime("Registration", false), login,
                () -> new EventData.ClientRegistered(user.optionalText(user.context().referralCodeField()),
                        user.optionalText("LeadCampaign"), user.optionalText("Email"), user.optionalText("Country")));
    }

    private static boolean isTrade(VendorRecord deal) {
        long action = deal.integer("Action");
        return action == ACTION_BUY || action == ACTION_SELL;
    }

    private static int entry(VendorRecord deal) {
        long entry = deal.integer("Entry");
        if (entry < ENTRY_IN || entry > ENTRY_OUT_BY) {
            throw deal.fail("Entry", "must be 0 (IN), 1 (OUT), 2 (INOUT) or 3 (OUT_BY), was " + entry);
        }
        return (int) entry;
    }

    /** TimeMsc when sent (millisecond precision keeps the order of deals within a second), else Time. */
    private static Instant time(VendorRecord deal) {
        return deal.has("TimeMsc") ? deal.serverLocalTime("TimeMsc", true) : deal.serverLocalTime("Time", false);
    }
}
