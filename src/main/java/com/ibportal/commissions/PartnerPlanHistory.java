package com.ibportal.commissions;

import java.util.List;

/** A partner's plan now (null: none) and every assignment made, in the order they were made. */
public record PartnerPlanHistory(String partnerCode, String currentPlanCode, List<PlanAssignment> assignments) {

    public PartnerPlanHistory {
        assignments = List.copyOf(assignments);
    }
}
