package com.ibportal.partners;

import com.ibportal.shared.Paged;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/partners")
class PartnerApi {

    private final PartnerService partners;
    // Implemented by the commissions module, which depends on this one; absent, partners show no plan.
    private final ObjectProvider<PartnerPlans> plans;

    PartnerApi(PartnerService partners, ObjectProvider<PartnerPlans> plans) {
        this.partners = partners;
        this.plans = plans;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PartnerResponse create(@Valid @RequestBody CreatePartnerRequest request) {
        return response(partners.create(new NewPartner(request.code(), request.name(), request.email(), request.parentCode(),
                request.planCode()), request.password()));
    }

    @GetMapping
    Paged<PartnerResponse> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Paged<PartnerSummary> found = partners.list(page, size);
        return new Paged<>(responses(found.items()), found.page(), found.size(), found.totalItems());
    }

    @GetMapping("/{code}")
    PartnerResponse get(@PathVariable String code) {
        return response(partners.get(code));
    }

    @GetMapping("/{code}/children")
    List<PartnerResponse> children(@PathVariable String code) {
        return responses(partners.children(code));
    }

    /** Edits name, email, status (SUSPENDED disables the login) or may-recruit; absent fields stay. */
    @PatchMapping("/{code}")
    PartnerResponse update(@PathVariable String code, @Valid @RequestBody PartnerChanges changes) {
        return response(partners.update(code, changes));
    }

    @PostMapping("/{code}/move")
    PartnerResponse move(@PathVariable String code, @Valid @RequestBody MoveRequest request) {
        return response(partners.move(code, request.parentCode(), request.effectiveFrom()));
    }

    private PartnerResponse response(PartnerSummary partner) {
        return responses(List.of(partner)).getFirst();
    }

    private List<PartnerResponse> responses(List<PartnerSummary> found) {
        PartnerPlans plans = this.plans.getIfAvailable();
        Map<String, String> planCodes = plans == null || found.isEmpty() ? Map.of()
                : plans.currentPlanCodes(found.stream().map(PartnerSummary::code).toList());
        return found.stream().map(p -> PartnerResponse.of(p, planCodes.get(p.code()))).toList();
    }

    record CreatePartnerRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]*", message = "letters, digits, '-' and '_' only (it goes into URLs)") String code,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 64) String parentCode,
            @Size(max = 64) String planCode,
            @Size(min = 10, max = 200, message = "must be 10 to 200 characters") String password) {
    }

    /** {@code parentCode} null or blank moves the partner to the top level. */
    record MoveRequest(@Size(max = 64) String parentCode, @NotNull Instant effectiveFrom) {
    }

    record PartnerResponse(String code, String name, String email, String parentCode, PartnerStatus status, String planCode,
                           Instant createdAt, boolean mayRecruit) {

        static PartnerResponse of(PartnerSummary partner, String planCode) {
            return new PartnerResponse(partner.code(), partner.name(), partner.email(), partner.parentCode(), partner.status(),
                    planCode, partner.createdAt(), partner.mayRecruit());
        }
    }
}
