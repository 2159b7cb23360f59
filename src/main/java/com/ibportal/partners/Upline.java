package com.ibportal.partners;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who a client belonged to at one instant: its direct partner (depth 0) and that partner's
 * ancestors, nearest first. Empty when the client was attributed to nobody then.
 */
public record Upline(String clientExternalId, Instant at, List<Level> levels) {

    public Upline {
        levels = List.copyOf(levels);
    }

    public Optional<Level> direct() {
        return levels.isEmpty() ? Optional.empty() : Optional.of(levels.getFirst());
    }

    public List<String> codes() {
        return levels.stream().map(Level::partnerCode).toList();
    }

    /** A partner on the path; depth 0 is the client's own partner, 1 its master, and so on. */
    public record Level(long partnerId, String partnerCode, int depth) {
    }
}
