package com.ibportal.commissions.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine made of an event: the lines to write and the exclusions to record, or, when a
 * needed FX rate is missing, only that rate: the caller parks the event and writes nothing.
 */
public record EngineResult(List<LineDraft> lines, List<Exclusion> exclusions, Optional<MissingFxRate> missingFxRate) {

    public EngineResult {
        lines = List.copyOf(lines);
        exclusions = List.copyOf(exclusions);
        Objects.requireNonNull(missingFxRate, "missingFxRate");
        if (missingFxRate.isPresent() && !(lines.isEmpty() && exclusions.isEmpty())) {
            throw new IllegalArgumentException("an event waiting for an FX rate has no lines or exclusions yet");
        }
    }

    public static EngineResult of(List<LineDraft> lines, List<Exclusion> exclusions) {
        return new EngineResult(lines, exclusions, Optional.empty());
    }

    public static EngineResult nothing() {
        return of(List.of(), List.of());
    }

    public static EngineResult excluded(Exclusion exclusion) {
        return of(List.of(), List.of(exclusion));
    }

    public static EngineResult waitingFor(MissingFxRate rate) {
        return new EngineResult(List.of(), List.of(), Optional.of(rate));
    }

    public boolean isWaitingForFxRate() {
        return missingFxRate.isPresent();
    }
}
