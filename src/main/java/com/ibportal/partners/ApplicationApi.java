package com.ibportal.partners;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner applications: {@code POST /api/v1/applications} is public (a broker's own website form
 * may post to it); the queue, approval, rejection and the onboarding setting are for admins.
 */
@RestController
class ApplicationApi {

    private final OnboardingService onboarding;
    private final org.springframework.beans.factory.ObjectProvider<PartnerPlans> plans;

    ApplicationApi(OnboardingService onboarding, org.springframework.beans.factory.ObjectProvider<PartnerPlans> plans) {
        this.plans = plans;
        this.onboarding = onboarding;
    }

    /** The service validates (the same rules as the public page) and answers field by field. */
    @PostMapping("/api/v1/applications")
    @ResponseStatus(HttpStatus.CREATED)
    SubmittedResponse apply(@RequestBody ApplyRequest request) {
        ApplicationSummary saved = onboarding.apply(new NewApplication(request.name(), request.email(), request.country(),
                request.channels(), request.expectedMonthlyLots()));
        return new SubmittedResponse(saved.id(), saved.status());
    }

    @GetMapping("/api/v1/applications")
    List<ApplicationSummary> list(@RequestParam(required = false) ApplicationStatus status) {
        return onboarding.applications(status);
    }

    @PostMapping("/api/v1/applications/{id}/approve")
    ApprovalResponse approve(@PathVariable long id, @Valid @RequestBody(required = false) ApproveRequest request) {
        ApprovalResult result = request == null ? onboarding.approve(id, null, null)
                : onboarding.approve(id, request.code(), request.parentCode());
        return new ApprovalResponse(result.application(), PartnerApi.PartnerResponse.of(result.partner(), planCode(result.partner().code())),
                new SetPasswordLink(result.passwordLink().url(), result.passwordLink().expiresAt()));
    }

    @PostMapping("/api/v1/applications/{id}/reject")
    ApplicationSummary reject(@PathVariable long id, @Valid @RequestBody RejectRequest request) {
        return onboarding.reject(id, request.reason());
    }

    @GetMapping("/api/v1/onboarding")
    OnboardingSettingsResponse settings() {
        return new OnboardingSettingsResponse(onboarding.subIbApprovalRequired());
    }

    @PutMapping("/api/v1/onboarding")
    OnboardingSettingsResponse updateSettings(@Valid @RequestBody OnboardingSettingsRequest request) {
        return new OnboardingSettingsResponse(onboarding.requireSubIbApproval(request.subIbApprovalRequired()));
    }

    record ApplyRequest(String name, String email, String country, String channels, BigDecimal expectedMonthlyLots) {
    }

    record SubmittedResponse(long id, ApplicationStatus status) {
    }

    record ApproveRequest(@Size(max = 64) String code, @Size(max = 64) String parentCode) {
    }

    record RejectRequest(@NotNull @Size(min = 1, max = OnboardingService.MAX_REJECT_REASON) String reason) {
    }

    record SetPasswordLink(String url, Instant expiresAt) {
    }

    record ApprovalResponse(ApplicationSummary application, PartnerApi.PartnerResponse partner, SetPasswordLink setPasswordLink) {
    }

    record OnboardingSettingsRequest(@NotNull Boolean subIbApprovalRequired) {
    }

    record OnboardingSettingsResponse(boolean subIbApprovalRequired) {
    }

    /** The plan the new partner got (the program's default, if any), as GET /partners/{code} would say. */
    private String planCode(String partnerCode) {
        PartnerPlans partnerPlans = plans.getIfAvailable();
        return partnerPlans == null ? null : partnerPlans.currentPlanCodes(List.of(partnerCode)).get(partnerCode);
    }
}
