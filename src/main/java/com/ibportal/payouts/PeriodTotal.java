package com.ibportal.payouts;

import java.math.BigDecimal;

/** How many statements (or lines) of a period have this status and currency, and their sum. */
public record PeriodTotal(String status, String currency, long count, BigDecimal amount) {
}
