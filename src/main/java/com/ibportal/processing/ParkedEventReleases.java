package com.ibportal.processing;

import com.ibportal.commissions.CommissionOutcome;
import com.ibportal.commissions.FxRate;
import com.ibportal.commissions.FxRatesRecorded;
import com.ibportal.ingestion.InboxService;
import com.ibportal.security.SystemActor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Sends events parked for an FX rate back to the workers when that rate (or its inverse) is recorded. */
@Component
class ParkedEventReleases {

    private final InboxService inbox;

    ParkedEventReleases(InboxService inbox) {
        this.inbox = inbox;
    }

    @EventListener
    void on(FxRatesRecorded recorded) {
        // Finance may record rates; releasing parked events is the portal's own work.
        SystemActor.run(() -> {
            for (FxRate rate : recorded.added()) {
                String date = rate.date().toString();
                // The engine may have asked for either direction; the rates table answers both from one row.
                inbox.release(CommissionOutcome.fxWaitKey(date, rate.base().code(), rate.quote().code()));
                inbox.release(CommissionOutcome.fxWaitKey(date, rate.quote().code(), rate.base().code()));
            }
        });
    }
}
