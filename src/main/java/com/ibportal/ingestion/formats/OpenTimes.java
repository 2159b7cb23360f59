package com.ibportal.ingestion.formats;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Open times of positions for one payload: opening records seen in it first, then the connector's memory
 * ({@link PositionOpenings}). A trade whose opening is unknown is refused rather than guessed: a wrong open time
 * would silently pass or fail a plan's minimum hold time.
 */
final class OpenTimes {

    private final Map<String, Instant> seen = new HashMap<>();
    private final PositionOpenings earlier;

    OpenTimes(PositionOpenings earlier) {
        this.earlier = earlier;
    }

    void opened(String login, String positionId, Instant at) {
        seen.merge(login + "\u0000" + positionId, at, (first, second) -> first.isBefore(second) ? first : second);
    }

    Instant of(VendorRecord record, String positionField, String login, String positionId) {
        Instant at = seen.get(login + "\u0000" + positionId);
        if (at != null) {
            return at;
        }
        return earlier.openedAt(login, positionId).orElseThrow(() -> record.fail(positionField,
                "the opening of position " + positionId + " of account " + login
                        + " is neither in this payload nor known from an earlier one"));
    }
}
