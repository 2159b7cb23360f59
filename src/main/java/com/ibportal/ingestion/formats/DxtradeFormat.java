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
 * DXtrade records: cash transfers ({@code /dxsca-web/accounts/{account}/transfers}) and executions.
 * <ul>
 * <li>Cash transactions {account, transactionCode, type, value (signed), currency, transactionTime} of type
 * DEPOSIT / WITHDRAWAL → deposit / withdrawal; COMMISSION, FINANCING and the rest produce nothing.</li>
 * <li>Executions {account, executionCode, orderCode, instrument, filledQuantity (units), lastPrice,
 * transactionTime, positionCode, positionEffect}: CLOSE → {@code trade.closed} with lots = filledQuantity / the
 * instrument's contract size; OPEN gives the position its open time and produces nothing.</li>
 * </ul>
 * Event ids {@code <serverId>:transfer:<transactionCode>} and {@code <serverId>:execution:<executionCode>}.
 */
public final class DxtradeFormat implements EventFormat {

    @Override
    public String name() {
        return "dxtrade";
    }

    @Override
    public List<CanonicalEvent> map(JsonNode payload, FormatContext context) {
        List<VendorRecord> records = VendorRecord.split(payload, context);
        OpenTimes openTimes = new OpenTimes(context.positionOpenings());
        records.stream().filter(record -> record.has("executionCode") && !closes(record))
                .forEach(opening -> openTimes.opened(opening.text("account"), opening.text("positionCode"),
                        opening.instant("transactionTime")));
        List<CanonicalEvent> events = new ArrayList<>();
        for (VendorRecord record : records) {
            if (record.has("transactionCode")) {
                transfer(record, events);
            } else if (record.has("executionCode")) {
                if (closes(record)) {
                    events.add(closingExecution(record, openTimes));
                }
            } else {
                throw record.fail("transactionCode", "is required: the record is neither a cash transfer "
                        + "(transactionCode) nor an execution (executionCode)");
            }
        }
        return events;
    }

    private static void transfer(VendorRecord transfer, List<CanonicalEvent> events) {
        String type = transfer.text("type");
        if (!type.equals("DEPOSIT") && !type.equals("WITHDRAWAL")) {
            return;
        }
        BigDecimal value = transfer.decimal("value");
        if (value.signum() != 0) {
            String code = transfer.text("transactionCode");
            events.add(transfer.cashTransfer("transfer:" + code, transfer.instant("transactionTime"),
                    transfer.text("account"), code, type.equals("DEPOSIT"), value.abs(), transfer.currency("currency")));
        }
    }

    private static CanonicalEvent closingExecution(VendorRecord execution, OpenTimes openTimes) {
        String account = execution.text("account");
        String code = execution.text("executionCode");
        String instrument = execution.text("instrument");
        BigDecimal lots = execution.lots("filledQuantity", execution.unitsPerLot("instrument", instrument));
        Instant closedAt = execution.instant("transactionTime");
        Instant openedAt = openTimes.of(execution, "positionCode", account, execution.text("positionCode"));
        return execution.event("execution:" + code, closedAt, account, () -> new EventData.TradeClosed(code, account,
                Platform.DXTRADE, instrument, lots, openedAt, closedAt, null, null, null, null,
                execution.accountCurrency("account", account)));
    }

    /** Whether an execution closes a position; an execution that does not say cannot be counted safely. */
    private static boolean closes(VendorRecord execution) {
        String effect = execution.text("positionEffect");
        if (!effect.equals("OPEN") && !effect.equals("CLOSE")) {
            throw execution.fail("positionEffect", "must be OPEN or CLOSE, was \"" + effect + "\"");
        }
        return effect.equals("CLOSE");
    }
}
