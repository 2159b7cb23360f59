package com.ibportal.commissions;

import com.ibportal.shared.InvalidInputException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs the month-end rules on demand (the payout period close runs them too); safe to repeat. */
@RestController
@RequestMapping("/api/v1/commissions")
class MonthEndApi {

    private final MonthEndService monthEnd;

    MonthEndApi(MonthEndService monthEnd) {
        this.monthEnd = monthEnd;
    }

    @PostMapping("/month-end/{month}")
    MonthEndReport run(@PathVariable String month) {
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("month", "must be a month like 2026-10");
        }
        return monthEnd.run(parsed);
    }
}
