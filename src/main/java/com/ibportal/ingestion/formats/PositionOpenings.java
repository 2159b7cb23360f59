package com.ibportal.ingestion.formats;

import java.time.Instant;
import java.util.Optional;

/**
 * When a position was opened, for platforms whose closing record does not say (MT5 and cTrader closing deals,
 * DXtrade closing executions). A mapper first looks at opening records in the same payload, then asks this; the
 * ingestion module answers from opening records it stored earlier.
 */
@FunctionalInterface
public interface PositionOpenings {

    PositionOpenings NONE = (accountLogin, positionId) -> Optional.empty();

    Optional<Instant> openedAt(String accountLogin, String positionId);
}
