package com.ibportal.commissions;

import com.ibportal.partners.PartnerCreated;
import com.ibportal.partners.PartnerPlans;
import com.ibportal.partners.PartnerService;
import com.ibportal.program.PlanCatalog;
import com.ibportal.program.ProgramService;
import java.util.Collection;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where plans meet the partners and program modules: a new partner gets the plan asked for at creation, or
 * else the program's default plan, from the beginning of time; partners and program ask here for plan codes.
 */
@Component
class PartnerPlanDefaults implements PartnerPlans, PlanCatalog {

    private final PlanService plans;
    private final PartnerService partners;
    private final ProgramService program;

    PartnerPlanDefaults(PlanService plans, PartnerService partners, ProgramService program) {
        this.plans = plans;
        this.partners = partners;
        this.program = program;
    }

    /** Runs inside the creating transaction (not async), so an unknown plan code fails the create with a 400 on planCode. */
    @EventListener
    void on(PartnerCreated created) {
        String planCode = created.planCode() != null ? created.planCode() : program.programForInternalUse().defaultPlanCode();
        if (planCode == null) {
            return;
        }
        var partner = partners.findForProcessing(created.code())
                .orElseThrow(() -> new IllegalStateException("partner " + created.code() + " was just created"));
        // A bad default plan is reported on planCode too: the admin can fix it by naming a plan.
        plans.assign(partner, planCode, null, "planCode");
    }

    @Override
    public Map<String, String> currentPlanCodes(Collection<String> partnerCodes) {
        return plans.currentPlanCodes(partnerCodes);
    }

    @Override
    public boolean planExists(String planCode) {
        return plans.planExists(planCode);
    }
}
