package com.ibportal.commissions.engine;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What all lines of one event share: the event, the client, the instant, the status and the direct
 * partner whose client caused it. Builds each line from it, rounding the exact amount.
 */
record LineOrigin(String eventId, String clientId, Instant occurredAt, LineStatus status, String sourcePartnerCode) {

    LineDraft line(PartnerOnPath partner, int level, RuleKind rule, BigDecimal exactAmount, String explanation) {
        PlanVersion plan = partner.planVersion();
        return new LineDraft(partner.partnerCode(), level, rule, LineDraft.round(exactAmount), plan.payoutCurrency(),
                status, eventId, clientId, occurredAt, plan.planCode(), plan.version(), sourcePartnerCode,
                explanation, null);
    }

    /** {@code client C-1 → S}: the start of every hierarchy path an explanation shows. */
    static String path(String clientId, String directPartnerCode) {
        return "client " + clientId + " → " + directPartnerCode;
    }
}
