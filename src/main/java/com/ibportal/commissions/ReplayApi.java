package com.ibportal.commissions;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Recompute a period from the stored events and compare with the ledger; writes nothing. */
@RestController
@RequestMapping("/api/v1/commissions")
class ReplayApi {

    private final ReplayService replay;

    ReplayApi(ReplayService replay) {
        this.replay = replay;
    }

    @PostMapping("/replay")
    ReplayReport replay(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return replay.replay(from, to);
    }
}
