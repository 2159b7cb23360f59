package com.ibportal.commissions;

import com.ibportal.security.SystemActor;
import java.time.LocalDate;

/** Lets tests in other packages run a what-if with a small cap on the partner list. */
public final class WhatIfAccess {

    private WhatIfAccess() {
    }

    public static WhatIfReport simulate(WhatIfService service, String planCode, PlanDocument draft, LocalDate from,
                                        LocalDate to, int maxPartners) {
        return SystemActor.call(() -> service.simulate(planCode, draft, null, from, to, maxPartners));
    }
}
