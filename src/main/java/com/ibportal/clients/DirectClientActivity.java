package com.ibportal.clients;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A partner's own clients' activity over a range: registrations while attributed to it, and first
 * deposits while attributed to it, with their amounts by currency (unconverted).
 */
public record DirectClientActivity(long registrations, long ftds, Map<String, BigDecimal> ftdAmountByCurrency) {

    public DirectClientActivity {
        ftdAmountByCurrency = Map.copyOf(ftdAmountByCurrency);
    }
}
