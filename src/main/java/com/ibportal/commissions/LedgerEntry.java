package com.ibportal.commissions;

/**
 * A ledger line with the id of the line that reverses it ({@code null} while nothing does), so a
 * reader sees a reversed line as reversed even when its reversal is dated outside the range shown.
 */
public record LedgerEntry(LedgerLineView line, Long reversedBy) {

    public boolean isReversal() {
        return line.reversalOf() != null;
    }

    public boolean isReversed() {
        return reversedBy != null;
    }
}
