package com.ibportal.commissions.engine;

import java.math.BigDecimal;

/** Decimal text for explanations. */
final class Decimals {

    private Decimals() {
    }

    /**
     * The plain text of a decimal, as {@code toPlainString()} gives it. Explanations print the same plan
     * rates and percents for millions of trades: {@code toString()} is cached inside the BigDecimal and
     * is the same text whenever it would not use an exponent, so it is used then.
     */
    static String plain(BigDecimal value) {
        boolean printsWithoutExponent = value.scale() >= 0 && value.precision() - 1 - value.scale() >= -6;
        return printsWithoutExponent ? value.toString() : value.toPlainString();
    }
}
