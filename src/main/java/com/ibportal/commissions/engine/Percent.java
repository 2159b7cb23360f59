package com.ibportal.commissions.engine;

import java.math.BigDecimal;

/** Percent arithmetic shared by the percent-based rules. */
final class Percent {

    private Percent() {
    }

    /** {@code percent}% of {@code amount}, exact: dividing by 100 only moves the decimal point. */
    static BigDecimal of(BigDecimal percent, BigDecimal amount) {
        return amount.multiply(percent).movePointLeft(2);
    }
}
