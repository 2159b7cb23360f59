package com.ibportal.commissions;

import com.ibportal.partners.PartnerService;
import java.time.Instant;

final class PlanTimes {

    /** What version 1 and an undated assignment hold from: the same instant partners use for "from the start". */
    static final Instant BEGINNING_OF_TIME = PartnerService.BEGINNING_OF_TIME;

    private PlanTimes() {
    }
}
