package com.ibportal.commissions;

import com.ibportal.shared.CurrencyCode;
import java.time.Instant;

/** A line of the admin's plan list: the version in force now and the latest one (they differ while a future-dated version waits). */
public record PlanSummary(String code, String name, CurrencyCode payoutCurrency, int currentVersion, int latestVersion,
                          Instant updatedAt) {
}
