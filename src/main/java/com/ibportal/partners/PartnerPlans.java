package com.ibportal.partners;

import java.util.Collection;
import java.util.Map;

/**
 * The plan each partner has now, which only the commissions module knows; partners show it through this,
 * so the dependency keeps pointing from commissions to partners.
 */
public interface PartnerPlans {

    /** The code of the plan each partner has at this instant, by partner code; partners without a plan are absent. */
    Map<String, String> currentPlanCodes(Collection<String> partnerCodes);
}
