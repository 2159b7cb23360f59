package com.ibportal.commissions.engine;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A month's REVENUE_SHARE outcome: at most one line, and the loss (a non-negative amount in the plan
 * currency) to carry into the next month. While the outcome waits for an FX rate, the loss carried
 * out is the loss carried in: the month is not settled yet.
 */
public record RevenueShareResult(EngineResult outcome, BigDecimal lossCarriedOut) {

    public RevenueShareResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(lossCarriedOut, "lossCarriedOut");
    }
}
