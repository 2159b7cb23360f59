package com.ibportal.commissions.engine;

import java.util.Objects;

/**
 * One thing wrong with a plan: a JSON-style path into the plan ({@code rules[1].rates.FX_MAJORS})
 * and a readable message, as the API reports validation errors.
 */
public record PlanViolation(String field, String message) {

    public PlanViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
