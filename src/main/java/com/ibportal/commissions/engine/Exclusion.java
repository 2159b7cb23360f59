package com.ibportal.commissions.engine;

import java.util.Objects;

/**
 * Why a partner earned nothing from a rule for an event: the answer to "why did I get nothing for
 * this trade". {@code rule} is {@code null} when the whole event is excluded (a self-referred client).
 */
public record Exclusion(String partnerCode, int level, RuleKind rule, String eventId, String reason) {

    public Exclusion {
        Objects.requireNonNull(partnerCode, "partnerCode");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(reason, "reason");
    }

    static Exclusion selfReferral(PartnerOnPath directPartner, String eventId) {
        return new Exclusion(directPartner.partnerCode(), 0, null, eventId,
                "self-referred client: its email equals the partner's email " + directPartner.email());
    }
}
