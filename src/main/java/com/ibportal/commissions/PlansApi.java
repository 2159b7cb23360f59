package com.ibportal.commissions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Plans and partners' plan assignments. The plan body is read as a tree so that every bad field is named. */
@RestController
@RequestMapping("/api/v1")
class PlansApi {

    private final PlanService plans;

    PlansApi(PlanService plans) {
        this.plans = plans;
    }

    /**
     * Makes the body the plan's next version: 201 with version 1 for a new plan, 200 with the new version after
     * that, and 200 with the latest version when the body equals it. {@code effectiveFrom} (optional, not in
     * the past) dates a later version in the future.
     */
    @PutMapping("/plans/{code}")
    ResponseEntity<VersionResponse> put(@PathVariable String code, @RequestBody JsonNode body,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                                        Instant effectiveFrom) {
        PlanPut put = plans.putVersion(code, PlanJson.read(body), effectiveFrom);
        HttpStatus status = put.created() && put.version().version() == 1 ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(VersionResponse.of(put.plan(), put.version()));
    }

    @GetMapping("/plans/{code}")
    PlanResponse get(@PathVariable String code) {
        return PlanResponse.of(plans.get(code));
    }

    @GetMapping("/plans")
    List<PlanSummaryResponse> all() {
        return plans.all().stream().map(PlanSummaryResponse::of).toList();
    }

    /** Gives the partner a plan from {@code effectiveFrom} (absent: from the beginning of time); answers the history. */
    @PutMapping("/partners/{code}/plan")
    PartnerPlanHistory assign(@PathVariable String code, @Valid @RequestBody AssignRequest request) {
        plans.assign(code, request.planCode(), request.effectiveFrom());
        return plans.history(code);
    }

    @GetMapping("/partners/{code}/plan")
    PartnerPlanHistory history(@PathVariable String code) {
        return plans.history(code);
    }

    record AssignRequest(@NotBlank @Size(max = 64) String planCode, Instant effectiveFrom) {
    }

    record VersionResponse(String code, String name, int version, Instant effectiveFrom, Instant createdAt, String createdBy,
                           JsonNode document) {

        static VersionResponse of(PlanDetails plan, PlanVersionDetails version) {
            return new VersionResponse(plan.code(), plan.name(), version.version(), version.effectiveFrom(), version.createdAt(),
                    version.createdBy(), PlanJson.write(version.document()));
        }
    }

    record PlanResponse(String code, String name, List<VersionResponse> versions, VersionResponse current) {

        static PlanResponse of(PlanDetails plan) {
            return new PlanResponse(plan.code(), plan.name(), plan.versions().stream().map(v -> VersionResponse.of(plan, v)).toList(),
                    VersionResponse.of(plan, plan.current()));
        }
    }

    record PlanSummaryResponse(String code, String name, String payoutCurrency, int currentVersion, int latestVersion,
                               Instant updatedAt) {

        static PlanSummaryResponse of(PlanSummary plan) {
            return new PlanSummaryResponse(plan.code(), plan.name(), plan.payoutCurrency().code(), plan.currentVersion(),
                    plan.latestVersion(), plan.updatedAt());
        }
    }
}
