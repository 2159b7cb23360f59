package com.ibportal.commissions;

import com.ibportal.shared.CurrencyCode;
import java.math.BigDecimal;
import java.time.LocalDate;

/** How many {@code quote} one {@code base} buys on a UTC date. */
public record FxRate(LocalDate date, CurrencyCode base, CurrencyCode quote, BigDecimal rate) {
}
