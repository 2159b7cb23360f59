package com.ibportal.payouts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** How long a payout period lasts. Only MONTHLY is used so far; the table keeps the kind so weekly can follow. */
enum PeriodKind {
    MONTHLY,
    WEEKLY;

    /** The start of the period holding {@code at} (UTC). */
    Instant startOf(Instant at) {
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate start = this == MONTHLY ? day.withDayOfMonth(1) : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return start.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    Instant endOf(Instant start) {
        LocalDate day = start.atZone(ZoneOffset.UTC).toLocalDate();
        return (this == MONTHLY ? day.plusMonths(1) : day.plusWeeks(1)).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** {@code 2026-10} for a month, {@code 2026-W41} for a week. */
    String label(Instant start) {
        LocalDate day = start.atZone(ZoneOffset.UTC).toLocalDate();
        if (this == MONTHLY) {
            return YearMonth.from(day).toString();
        }
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
