package com.ibportal.commissions.engine;

import com.ibportal.shared.CurrencyCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The rates table: how many {@code quote} one {@code base} buys on a UTC date. The engine converts an
 * amount in {@code base} to {@code quote} by multiplying with this rate, and never asks for a rate
 * between a currency and itself. Deriving inverse or cross rates is the implementation's choice.
 */
@FunctionalInterface
public interface FxRates {

    Optional<BigDecimal> rate(LocalDate utcDate, CurrencyCode base, CurrencyCode quote);
}
