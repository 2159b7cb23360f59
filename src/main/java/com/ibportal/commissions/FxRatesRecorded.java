package com.ibportal.commissions;

import java.util.List;

/** New rates were stored (inside the recording transaction): events parked for one of them can be retried. */
public record FxRatesRecorded(List<FxRate> added) {

    public FxRatesRecorded {
        added = List.copyOf(added);
    }
}
