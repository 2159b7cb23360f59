package com.ibportal.commissions;

/** The answer to putting a plan document: the plan, the version the document now is, and whether it was created. */
public record PlanPut(PlanDetails plan, PlanVersionDetails version, boolean created) {
}
