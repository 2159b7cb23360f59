package com.ibportal.commissions;

import com.ibportal.clients.ClientAssigned;
import com.ibportal.clients.ClientReassigned;
import com.ibportal.partners.PartnerMoved;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the ledger in step with attribution: a change effective in the past reverses the lines it
 * makes wrong and posts the right ones, in the same transaction as the change itself.
 */
@Component
class AttributionChanges {

    private final CommissionService commissions;
    private final Clock clock;

    AttributionChanges(CommissionService commissions, Clock clock) {
        this.commissions = commissions;
        this.clock = clock;
    }

    @EventListener
    void on(ClientReassigned event) {
        commissions.recomputeClient(event.externalId(), event.effectiveFrom(), "client " + event.externalId()
                + " reassigned from " + event.fromPartnerCode() + " to " + event.toPartnerCode() + " from "
                + event.effectiveFrom(), clock.instant());
    }

    @EventListener
    void on(ClientAssigned event) {
        commissions.recomputeClient(event.externalId(), event.effectiveFrom(), "client " + event.externalId()
                + " assigned to " + event.partnerCode() + " from " + event.effectiveFrom(), clock.instant());
    }

    @EventListener
    void on(PartnerMoved event) {
        commissions.recomputeUplineOf(event.code(), event.effectiveFrom(), "partner " + event.code() + " moved under "
                + (event.newParentCode() == null ? "no master" : event.newParentCode()) + " from "
                + event.effectiveFrom(), clock.instant());
    }
}
