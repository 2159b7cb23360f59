package com.ibportal.commissions;

import com.ibportal.commissions.engine.LineStatus;
import com.ibportal.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A partner's ledger lines and summary, as in the API contract. */
@RestController
@RequestMapping("/api/v1/partners/{code}")
class LedgerApi {

    private final LedgerService ledger;

    LedgerApi(LedgerService ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/ledger")
    LedgerResponse ledger(@PathVariable String code,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @RequestParam(required = false) String status) {
        return new LedgerResponse(ledger.lines(code, from, to, status(status)), ledger.exclusions(code, from, to));
    }

    @GetMapping("/summary")
    CommissionSummary summary(@PathVariable String code,
                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return ledger.summary(code, from, to);
    }

    private static LineStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return LineStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("status", "must be one of PENDING, PAYABLE, PAID");
        }
    }

    /** The lines, and the events that paid the partner nothing with the reason (the answer to "why nothing?"). */
    record LedgerResponse(List<LedgerLineView> lines, List<ExcludedEvent> exclusions) {
    }
}
