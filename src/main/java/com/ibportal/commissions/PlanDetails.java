package com.ibportal.commissions;

import java.util.List;

/**
 * A plan with every version, oldest first. {@code current} is the version in force now; it is the latest one
 * unless the latest takes effect in the future.
 */
public record PlanDetails(String code, String name, List<PlanVersionDetails> versions, PlanVersionDetails current) {

    public PlanDetails {
        versions = List.copyOf(versions);
    }

    /** The most recently created version (which may take effect in the future). */
    public PlanVersionDetails latest() {
        return versions.getLast();
    }
}
