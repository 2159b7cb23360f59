package com.ibportal.ingestion.formats;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.ibportal.ingestion.canonical.CanonicalEvent;
import com.ibportal.ingestion.canonical.EventData;
import com.ibportal.ingestion.canonical.Platform;

import tools.jackson.databind.JsonNode;

/**
 * cTrader Open API messages as JSON. A record is a {@code ProtoOADeal} or a {@code ProtoOADepositWithdraw}, each
 * with its {@code ctidTraderAccountId}, or an envelope that carries the account once for its {@code deal} and
 * {@code depositWithdraw} entries ({@code ProtoOAExecutionEvent}, {@code ProtoOADealListRes},
 * {@code ProtoOACashFlowHistoryListRes}).
 * <ul>
 * <li>Filled deals with a {@code closePositionDetail} → {@code trade.closed}: lots = closedVolume / lotSize, where
 * volumes are in cents of units so lotSize = units per lot × 100; money = value / 10^moneyDigits. Deals without one
 * open a position: they give it its open time and produce nothing.</li>
 * <li>Deposit/withdraw operationType 0 (BALANCE_DEPOSIT) / 1 (BALANCE_WITHDRAW) → deposit / withdrawal; other
 * types (IB commissions, strategy fees, …) produce nothing.</li>
 * </ul>
 * Enums are accepted as numbers or as their proto names. Event ids {@code <serverId>:deal:<dealId>} and
 * {@code <serverId>:balance:<balanceHistoryId>}: the two are separate sequences and could collide.
 */
public final class CtraderFormat implements EventFormat {

    private static final BigDecimal CENTS_PER_UNIT = BigDecimal.valueOf(100);
    private static final Map<String, Long> DEAL_STATUSES = Map.of("FILLED", 2L, "PARTIALLY_FILLED", 3L);
    private static final Map<String, Long> BALANCE_OPERATIONS = Map.of("BALANCE_DEPOSIT", 0L, "BALANCE_WITHDRAW", 1L);

    private record AccountRecord(String account, VendorRecord record, boolean isDeal) {
    }

    @Override
    public String name() {
        return "ctrader";
    }

    @Override
    public List<CanonicalEvent> map(JsonNode payload, FormatContext context) {
        List<AccountRecord> records = new ArrayList<>();
        VendorRecord.split(payload, context).forEach(record -> unwrap(record, records));
        OpenTimes openTimes = new OpenTimes(context.positionOpenings());
        records.stream().filter(item -> item.isDeal() && isFilled(item.record())
                        && !item.record().has("closePositionDetail"))
                .forEach(opening -> openTimes.opened(opening.account(), opening.record().text("positionId"),
                        opening.record().epochMillis("executionTimestamp")));
        List<CanonicalEvent> events = new ArrayList<>();
        for (AccountRecord item : records) {
            VendorRecord record = item.record();
            if (item.isDeal() && isFilled(record) && record.has("closePositionDetail")) {
                events.add(closedTrade(item.account(), record, openTimes));
            } else if (!item.isDeal()) {
                long operation = code(record, "operationType", BALANCE_OPERATIONS);
                if (operation == 0 || operation == 1) {
                    balance(item.account(), record, operation == 0, events);
                }
            }
        }
        return events;
    }

    private static void unwrap(VendorRecord record, List<AccountRecord> into) {
        String account = record.text("ctidTraderAccountId");
        if (record.has("deal") || record.has("depositWithdraw")) {
            if (record.has("deal")) {
                record.children("deal").forEach(deal -> into.add(new AccountRecord(account, deal, true)));
            }
            if (record.has("depositWithdraw")) {
                record.children("depositWithdraw").forEach(
                        operation -> into.add(new AccountRecord(account, operation, false)));
            }
        } else if (record.has("dealId") || record.has("balanceHistoryId")) {
            into.add(new AccountRecord(account, record, record.has("dealId")));
        } else {
            throw record.fail("dealId", "is required: the record is neither a deal (dealId), a deposit/withdrawal "
                    + "(balanceHistoryId) nor an envelope of them (deal, depositWithdraw)");
        }
    }

    private static CanonicalEvent closedTrade(String account, VendorRecord deal, OpenTimes openTimes) {
        VendorRecord detail = deal.child("closePositionDetail");
        int moneyDigits = detail.has("moneyDigits") ? detail.moneyDigits("moneyDigits") : deal.moneyDigits("moneyDigits");
        String symbolId = deal.text("symbolId");
        String symbol = deal.context().ctraderSymbolNames().get(symbolId);
        if (symbol == null) {
            throw deal.fail("symbolId", "no symbol name is configured for symbolId " + symbolId
                    + "; add it to the connector's ctraderSymbolNames");
        }
        BigDecimal lotSize = deal.unitsPerLot("symbolId", symbol).multiply(CENTS_PER_UNIT);
        String dealId = deal.text("dealId");
        Instant closedAt = deal.epochMillis("executionTimestamp");
        Instant openedAt = openTimes.of(deal, "positionId", account, deal.text("positionId"));
        return deal.event("deal:" + dealId, closedAt, account, () -> new EventData.TradeClosed(dealId, account,
                Platform.CTRADER, symbol, detail.lots("closedVolume", lotSize), openedAt, closedAt, null,
                optionalMoney(detail, "grossProfit", moneyDigits), optionalMoney(detail, "swap", moneyDigits),
                optionalMoney(detail, "commission", moneyDigits), deal.accountCurrency("ctidTraderAccountId", account)));
    }

    private static void balance(String account, VendorRecord operation, boolean deposit, List<CanonicalEvent> events) {
        BigDecimal delta = operation.money("delta", operation.moneyDigits("moneyDigits"));
        if (delta.signum() != 0) {
            String ticket = operation.text("balanceHistoryId");
            events.add(operation.cashTransfer("balance:" + ticket, operation.epochMillis("changeBalanceTimestamp"),
                    account, ticket, deposit, delta.abs(), operation.accountCurrency("ctidTraderAccountId", account)));
        }
    }

    private static boolean isFilled(VendorRecord deal) {
        long status = code(deal, "dealStatus", DEAL_STATUSES);
        return status == DEAL_STATUSES.get("FILLED") || status == DEAL_STATUSES.get("PARTIALLY_FILLED");
    }

    private static BigDecimal optionalMoney(VendorRecord record, String field, int moneyDigits) {
        return record.has(field) ? record.money(field, moneyDigits) : null;
    }

    /** A proto enum as its number or its name; a name this format does not use reads as -1. */
    private static long code(VendorRecord record, String field, Map<String, Long> names) {
        String value = record.text(field);
        return value.chars().allMatch(Character::isDigit) ? record.integer(field) : names.getOrDefault(value, -1L);
    }
}
