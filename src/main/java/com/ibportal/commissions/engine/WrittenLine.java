package com.ibportal.commissions.engine;

import java.time.Instant;
import java.util.Objects;

/** A line the ledger holds: its id, what was written, and its status now. */
public record WrittenLine(long id, LineDraft line, LineStatus status) {

    public WrittenLine {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(status, "status");
    }

    /**
     * The negative line that cancels this one, because amounts are never edited: same partner, level,
     * rule, currency, event and plan version, dated at the instant that caused it. A reversal of a
     * pending line stays pending so the two cancel out before anyone is paid; any other reversal is
     * payable, so a paid line's clawback nets in the next statement.
     */
    public LineDraft reversal(String reason, Instant at) {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        if (line.reversalOf() != null) {
            throw new IllegalStateException("line " + id + " is itself a reversal; post the original again instead");
        }
        String clawback = status == LineStatus.PAID ? "clawback of paid line #" : "reversal of line #";
        return new LineDraft(line.partnerCode(), line.level(), line.rule(), line.amount().negate(), line.currency(),
                status == LineStatus.PENDING ? LineStatus.PENDING : LineStatus.PAYABLE, line.eventId(),
                line.clientId(), at, line.planCode(), line.planVersion(), line.sourcePartnerCode(),
                clawback + id + " (" + Decimals.plain(line.amount()) + " " + line.currency() + " "
                        + line.rule() + "): " + reason,
                id);
    }
}
