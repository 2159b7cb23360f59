package com.ibportal.commissions.engine;

import java.util.Objects;

/**
 * One partner on a client's attribution path at the event's instant, with the plan version it holds
 * then. The path is a list: index 0 is the direct partner, index d the ancestor at distance d.
 * {@code planVersion} is {@code null} for a partner without a plan: it earns nothing.
 */
public record PartnerOnPath(String partnerCode, String email, PlanVersion planVersion) {

    public PartnerOnPath {
        Objects.requireNonNull(partnerCode, "partnerCode");
    }
}
