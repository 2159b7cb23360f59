package com.ibportal.payouts;

import java.math.BigDecimal;

/** The lines of one rule and level, or (with {@code clawbacks}) every clawback of the statement. */
public record StatementSection(String title, String rule, Integer level, boolean clawbacks, int lineCount,
                               BigDecimal amount) {
}
