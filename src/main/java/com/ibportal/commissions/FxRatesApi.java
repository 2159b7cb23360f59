package com.ibportal.commissions;

import com.ibportal.shared.CurrencyCode;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.InvalidInputException.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** FX rates: {@code POST} a batch (201 when anything was new, else 200), {@code GET ?from&to}. */
@RestController
@RequestMapping("/api/v1/fx-rates")
class FxRatesApi {

    private static final Set<String> FIELDS = Set.of("date", "base", "quote", "rate");

    private final FxRateService rates;

    FxRatesApi(FxRateService rates) {
        this.rates = rates;
    }

    @PostMapping
    ResponseEntity<RecordResponse> record(@RequestBody JsonNode body) {
        FxRatesResult result = rates.record(read(body));
        return ResponseEntity.status(result.added().isEmpty() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new RecordResponse(result.added().size(), result.unchanged().size()));
    }

    @GetMapping
    List<RateResponse> list(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return rates.list(from, to).stream().map(RateResponse::of).toList();
    }

    /** {@code added} and {@code unchanged} count the entries of the request. */
    record RecordResponse(int added, int unchanged) {
    }

    record RateResponse(LocalDate date, String base, String quote, BigDecimal rate) {

        static RateResponse of(FxRate rate) {
            return new RateResponse(rate.date(), rate.base().code(), rate.quote().code(), rate.rate());
        }
    }

    private static List<FxRate> read(JsonNode body) {
        if (body == null || !body.isArray()) {
            throw InvalidInputException.of("body", "must be an array of {date, base, quote, rate}");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<FxRate> batch = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode entry = body.get(i);
            String at = "[" + i + "]";
            if (!entry.isObject()) {
                problems.add(new FieldProblem(at, "must be an object {date, base, quote, rate}"));
                continue;
            }
            for (String name : entry.propertyNames()) {
                if (!FIELDS.contains(name)) {
                    problems.add(new FieldProblem(at + "." + name, "unknown field; expected date, base, quote, rate"));
                }
            }
            LocalDate date = field(entry, at, "date", problems, node -> LocalDate.parse(string(node)));
            CurrencyCode base = field(entry, at, "base", problems, node -> CurrencyCode.of(string(node)));
            CurrencyCode quote = field(entry, at, "quote", problems, node -> CurrencyCode.of(string(node)));
            BigDecimal rate = field(entry, at, "rate", problems, PlanJson::decimal);
            batch.add(new FxRate(date, base, quote, rate));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return batch;
    }

    private static String string(JsonNode node) {
        if (!node.isString()) {
            throw new IllegalArgumentException("must be a string, was " + PlanJson.kind(node));
        }
        return node.stringValue();
    }

    private static <T> T field(JsonNode entry, String at, String name, List<FieldProblem> problems,
                               java.util.function.Function<JsonNode, T> reader) {
        JsonNode node = entry.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return reader.apply(node);
        } catch (DateTimeParseException badDate) {
            problems.add(new FieldProblem(at + "." + name, "must be a date like 2026-10-01"));
        } catch (IllegalArgumentException wrong) {
            problems.add(new FieldProblem(at + "." + name, wrong.getMessage()));
        }
        return null;
    }
}
