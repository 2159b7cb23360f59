package com.ibportal.commissions;

import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.InvalidInputException.FieldProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * What-if runs of a draft plan and the payout-above-revenue check; both write nothing. Bodies are read as trees, so
 * every bad field is named, the plan's under {@code draft.} or {@code plan.}.
 */
@RestController
@RequestMapping("/api/v1/plans")
class WhatIfApi {

    private final WhatIfService whatIf;

    WhatIfApi(WhatIfService whatIf) {
        this.whatIf = whatIf;
    }

    /** {@code {draft: <plan JSON>, partnerCode?, from, to}} → the report, payout warnings included. */
    @PostMapping("/{code}/what-if")
    WhatIfReport whatIf(@PathVariable String code, @RequestBody JsonNode body) {
        Request request = Request.read(body, "draft");
        return whatIf.simulate(code, request.plan(), request.partnerCode(), request.from(), request.to());
    }

    /** {@code {plan: <plan JSON>, from, to}} → the symbol groups that pay more per lot than the broker earned. */
    @PostMapping("/check-payout")
    List<PayoutWarning> checkPayout(@RequestBody JsonNode body) {
        Request request = Request.read(body, "plan");
        return whatIf.payoutAboveRevenue(request.plan(), request.from(), request.to());
    }

    private record Request(PlanDocument plan, String partnerCode, LocalDate from, LocalDate to) {

        static Request read(JsonNode body, String planField) {
            List<FieldProblem> problems = new ArrayList<>();
            if (body == null || !body.isObject()) {
                throw InvalidInputException.of("body", "must be a JSON object");
            }
            PlanDocument plan = null;
            JsonNode planJson = body.get(planField);
            if (planJson == null || planJson.isNull()) {
                problems.add(new FieldProblem(planField, "is required: a plan as JSON"));
            } else {
                try {
                    plan = PlanJson.read(planJson);
                } catch (InvalidInputException invalid) {
                    problems.addAll(WhatIfService.under(planField, invalid).problems());
                }
            }
            String partnerCode = null;
            JsonNode partner = body.get("partnerCode");
            if (partner != null && !partner.isNull()) {
                if (!partner.isString() || !"draft".equals(planField)) {
                    problems.add(new FieldProblem("partnerCode", "draft".equals(planField) ? "must be a string" : "is not expected here"));
                } else {
                    partnerCode = partner.asString();
                }
            }
            LocalDate from = date(body, "from", problems);
            LocalDate to = date(body, "to", problems);
            body.propertyNames().stream()
                    .filter(name -> !List.of(planField, "partnerCode", "from", "to").contains(name))
                    .forEach(name -> problems.add(new FieldProblem(name, "is not a known field")));
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return new Request(plan, partnerCode, from, to);
        }

        private static LocalDate date(JsonNode body, String field, List<FieldProblem> problems) {
            JsonNode node = body.get(field);
            if (node == null || node.isNull()) {
                problems.add(new FieldProblem(field, "is required (YYYY-MM-DD)"));
                return null;
            }
            try {
                return node.isString() ? LocalDate.parse(node.asString()) : fail();
            } catch (DateTimeParseException | IllegalArgumentException bad) {
                problems.add(new FieldProblem(field, "must be a date YYYY-MM-DD"));
                return null;
            }
        }

        private static LocalDate fail() {
            throw new IllegalArgumentException("not a string");
        }
    }
}
