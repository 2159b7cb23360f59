package com.ibportal.commissions.engine;

import com.ibportal.shared.CurrencyCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Converts amounts between currencies at a UTC date's rate, keeping the rate used for explanations. */
final class Fx {

    private final FxRates rates;

    Fx(FxRates rates) {
        this.rates = rates;
    }

    /** An exact converted amount and what it came from; {@code rate} is {@code null} where none was needed. */
    record Converted(BigDecimal amount, BigDecimal original, CurrencyCode from, BigDecimal rate, CurrencyCode to) {

        boolean isConverted() {
            return rate != null;
        }

        /** How the amount was obtained, e.g. {@code 65.00 EUR × 1.0800 EURUSD}; built only when shown. */
        String explanation() {
            String original = Decimals.plain(this.original) + " " + from;
            return rate == null ? original : original + " × " + Decimals.plain(rate) + " " + from + to;
        }
    }

    /** Converts at the rate of the UTC date of {@code at}, the instant of the event the amount belongs to. */
    Converted convert(BigDecimal amount, CurrencyCode from, CurrencyCode to, Instant at) {
        if (from.equals(to)) {
            return new Converted(amount, amount, from, null, to);
        }
        LocalDate utcDate = LocalDate.ofInstant(at, ZoneOffset.UTC);
        BigDecimal rate = rates.rate(utcDate, from, to)
                .orElseThrow(() -> new MissingFxRateException(new MissingFxRate(utcDate, from, to)));
        return new Converted(amount.multiply(rate), amount, from, rate, to);
    }
}
