package com.ibportal.payouts;

import com.ibportal.shared.InvalidInputException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Periods and statements, as in the API contract; bulk approval and the payout file are extensions. */
@RestController
@RequestMapping("/api/v1")
class PayoutsApi {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final PeriodService periods;
    private final StatementService statements;

    PayoutsApi(PeriodService periods, StatementService statements) {
        this.periods = periods;
        this.statements = statements;
    }

    @GetMapping("/periods")
    List<PeriodView> periods() {
        return periods.periods();
    }

    @PostMapping("/periods/{month}/close")
    PeriodView close(@PathVariable String month) {
        return periods.close(month(month, "month"));
    }

    @GetMapping("/periods/{month}/payout-file.csv")
    ResponseEntity<String> payoutFile(@PathVariable String month) {
        YearMonth period = month(month, "month");
        return download(statements.payoutFile(period), CSV, "payout-" + period + ".csv");
    }

    @GetMapping("/statements")
    List<StatementSummary> statements(@RequestParam(required = false) String period,
                                      @RequestParam(required = false) String status,
                                      @RequestParam(required = false) String partnerCode,
                                      @RequestParam(required = false) BigDecimal minTotal) {
        return statements.statements(period == null || period.isBlank() ? null : month(period, "period"), status(status),
                partnerCode, minTotal);
    }

    @GetMapping("/statements/{id}")
    StatementDetails statement(@PathVariable long id) {
        return statements.statement(id);
    }

    @GetMapping("/statements/{id}.csv")
    ResponseEntity<String> csv(@PathVariable long id) {
        return download(statements.csv(id), CSV, "statement-" + id + ".csv");
    }

    @GetMapping("/statements/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return download(statements.pdf(id), MediaType.APPLICATION_PDF, "statement-" + id + ".pdf");
    }

    @PostMapping("/statements/{id}/approve")
    StatementDetails approve(@PathVariable long id) {
        return statements.approve(id);
    }

    @PostMapping("/statements/bulk-approve")
    List<StatementSummary> bulkApprove(@RequestBody BulkApproval request) {
        return statements.approveAll(request == null ? null : request.ids());
    }

    @PostMapping("/statements/{id}/paid")
    StatementDetails paid(@PathVariable long id, @RequestBody Payment payment) {
        return statements.markPaid(id, payment);
    }

    record BulkApproval(List<Long> ids) {
    }

    private static <T> ResponseEntity<T> download(T body, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }

    private static YearMonth month(String text, String field) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "must be a month like 2026-10");
        }
    }

    private static StatementStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return StatementStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("status", "must be one of DRAFT, APPROVED, PAID, CARRIED");
        }
    }
}
