package com.ibportal.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The days of a range plus its totals, for KPI cards and charts. */
public record ActivityOverview(String scope, LocalDate from, LocalDate to, long partners, long clients, List<DailyActivity> days) {

    public long registrations() {
        return days.stream().mapToLong(DailyActivity::registrations).sum();
    }

    public long ftds() {
        return days.stream().mapToLong(DailyActivity::ftds).sum();
    }

    public BigDecimal ftdAmount() {
        return days.stream().map(DailyActivity::ftdAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
