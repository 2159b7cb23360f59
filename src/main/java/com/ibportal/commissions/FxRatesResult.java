package com.ibportal.commissions;

import java.util.List;

/** What recording a batch of rates did: the rates stored now, and those already stored with the same rate. */
public record FxRatesResult(List<FxRate> added, List<FxRate> unchanged) {

    public FxRatesResult {
        added = List.copyOf(added);
        unchanged = List.copyOf(unchanged);
    }
}
