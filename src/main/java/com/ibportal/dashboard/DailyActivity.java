package com.ibportal.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One UTC day of a network's (or the program's) activity. */
public record DailyActivity(LocalDate date, long registrations, long ftds, BigDecimal ftdAmount) {
}
