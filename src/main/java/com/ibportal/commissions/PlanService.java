package com.ibportal.commissions;

import com.ibportal.commissions.engine.PlanValidator;
import com.ibportal.commissions.engine.PlanVersion;
import com.ibportal.partners.PartnerService;
import com.ibportal.partners.PartnerSummary;
import com.ibportal.security.AuditTrail;
import com.ibportal.security.CurrentUser;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.InvalidInputException.FieldProblem;
import com.ibportal.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commission plans, their immutable versions, and which plan each partner has when. Version 1 of a plan
 * applies from the beginning of time; a later version from the instant it is made, or from a future instant
 * given with it. The ledger reads plans through {@link #planVersionAt} and {@link #planVersionsAt}, which are
 * cached (see {@link PlanResolver}).
 */
@Service
public class PlanService {

    /** Codes go into URLs, like partner codes. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    // Fields the validator checks that come from the URL and the numbering, not from the document.
    private static final Set<String> NOT_IN_DOCUMENT = Set.of("planCode", "version");

    private final PlanStore store;
    private final PlanResolver resolver;
    private final PartnerService partners;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlanService(PlanStore store, PlanResolver resolver, PartnerService partners, CurrentUser currentUser, AuditTrail audit,
                ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.resolver = resolver;
        this.partners = partners;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Makes {@code document} the next version of plan {@code code} (creating the plan with version 1), effective
     * now; a document equal to the latest version makes nothing and answers the plan as it is.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PlanDetails put(String code, PlanDocument document) {
        return putVersion(code, document, null).plan();
    }

    /**
     * As {@link #put(String, PlanDocument)}, with a version that takes effect at {@code effectiveFromOrNull}
     * (null: now). It may not be in the past, nor before the latest version's effectiveFrom; version 1 always
     * applies from the beginning of time.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PlanPut putVersion(String code, PlanDocument document, Instant effectiveFromOrNull) {
        checkCode(code);
        Objects.requireNonNull(document, "document");
        validate(code, document);
        String text = PlanJson.text(document);
        Instant now = clock.instant();
        String actor = currentUser.actorName();
        Optional<PlanStore.PlanRow> existing = store.lockPlan(code);
        if (existing.isEmpty()) {
            long planId;
            try {
                planId = store.insertPlan(code, document.name(), now, actor);
            } catch (org.springframework.dao.DuplicateKeyException | org.springframework.dao.PessimisticLockingFailureException concurrentCreate) {
                throw new ConflictException("Plan " + code + " was created at the same moment by another request; try again");
            }
            store.insertVersion(planId, 1, text, PlanTimes.BEGINNING_OF_TIME, now, actor);
            resolver.versionsChanged(planId);
            audit.record("PLAN_CREATED", code, "version 1");
            PlanDetails details = details(store.plan(code).orElseThrow());
            return new PlanPut(details, details.latest(), true);
        }
        PlanStore.PlanRow plan = existing.get();
        List<PlanStore.VersionRow> versions = store.versions(List.of(plan.id()), true);
        PlanStore.VersionRow latest = versions.getLast();
        if (latest.document().equals(text) && effectiveFromOrNull == null) {
            PlanDetails details = details(plan, versions);
            return new PlanPut(details, details.latest(), false);
        }
        Instant effectiveFrom = effectiveFromOrNull == null ? now : effectiveFromOrNull;
        if (effectiveFromOrNull != null && effectiveFromOrNull.isBefore(now)) {
            throw InvalidInputException.of("effectiveFrom", "must not be in the past: lines already computed keep their"
                    + " version; give a future instant or none (from now)");
        }
        if (effectiveFrom.isBefore(latest.effectiveFrom())) {
            throw new ConflictException("Version " + latest.number() + " of plan " + code + " takes effect at "
                    + latest.effectiveFrom() + "; a new version must take effect at or after that");
        }
        int number = latest.number() + 1;
        store.insertVersion(plan.id(), number, text, effectiveFrom, now, actor);
        if (!plan.name().equals(document.name())) {
            store.rename(plan.id(), document.name());
        }
        resolver.versionsChanged(plan.id());
        audit.record("PLAN_VERSION_CREATED", code, "version " + number + " effective " + effectiveFrom);
        PlanDetails details = details(store.plan(code).orElseThrow());
        return new PlanPut(details, details.latest(), true);
    }

    /** A plan with all its versions. Admin and finance read any plan; an IB only one its partner has ever been given. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public PlanDetails get(String code) {
        PortalUser user = currentUser.require();
        PlanStore.PlanRow plan = store.plan(code).orElseThrow(() -> new NotFoundException("Plan " + code));
        if (user.role() == Role.IB && (user.partnerCode() == null || !store.everAssigned(user.partnerCode(), plan.id()))) {
            throw new NotFoundException("Plan " + code);
        }
        return details(plan);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional(readOnly = true)
    public List<PlanSummary> all() {
        List<PlanStore.PlanRow> plans = store.plans();
        Map<Long, List<PlanStore.VersionRow>> versions = store.versions(plans.stream().map(PlanStore.PlanRow::id).toList(), true)
                .stream().collect(Collectors.groupingBy(PlanStore.VersionRow::planId));
        Instant now = clock.instant();
        return plans.stream().map(plan -> {
            List<PlanStore.VersionRow> list = versions.get(plan.id());
            PlanStore.VersionRow current = currentOf(list, now);
            PlanStore.VersionRow latest = list.getLast();
            return new PlanSummary(plan.code(), plan.name(), PlanJson.read(current.document()).payoutCurrency(),
                    current.number(), latest.number(), latest.createdAt());
        }).toList();
    }

    /**
     * Gives a partner a plan from {@code effectiveFromOrNull} on (null: from the beginning of time). Earlier
     * assignments stay in the history; from this one's date on it overrides them.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void assign(String partnerCode, String planCode, Instant effectiveFromOrNull) {
        PartnerSummary partner = partners.findForProcessing(partnerCode)
                .orElseThrow(() -> new NotFoundException("Partner " + partnerCode));
        assign(partner, planCode, effectiveFromOrNull, "planCode");
    }

    /** The partner's plan now and every assignment made, for admin and finance, or an IB within its subtree. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public PartnerPlanHistory history(String partnerCode) {
        if (!partners.isVisible(partnerCode)) {
            throw new NotFoundException("Partner " + partnerCode);
        }
        List<PlanAssignment> assignments = store.assignments(List.of(partnerCode)).stream()
                .filter(row -> row.planCode() != null)
                .map(row -> new PlanAssignment(partnerCode, row.planCode(), row.effectiveFrom(), row.assignedAt(), row.assignedBy()))
                .toList();
        PlanResolver.AssignmentRef current = resolver.assignmentsAt(List.of(partnerCode), clock.instant()).get(partnerCode);
        return new PartnerPlanHistory(partnerCode, current == null ? null : current.planCode(), assignments);
    }

    /** The plan version a partner has at {@code t}, for the ledger (run as the system actor). Cached. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Optional<PlanVersion> planVersionAt(String partnerCode, Instant t) {
        return Optional.ofNullable(resolver.versionsAt(List.of(partnerCode), t).get(partnerCode));
    }

    /**
     * The plan version each partner (a whole upline path, say) has at {@code t}, read in one query per kind of
     * data the cache lacks (none once warm); partners without a plan then are absent.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Map<String, PlanVersion> planVersionsAt(Collection<String> partnerCodes, Instant t) {
        return resolver.versionsAt(partnerCodes, t);
    }

    /** The plan codes each partner has now, for the partner API and views (they have checked visibility). */
    @Transactional(readOnly = true)
    Map<String, String> currentPlanCodes(Collection<String> partnerCodes) {
        return resolver.assignmentsAt(partnerCodes, clock.instant()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().planCode()));
    }

    boolean planExists(String planCode) {
        return store.plan(planCode).isPresent();
    }

    /** An assignment made for another module's request; {@code field} names the plan code in errors. */
    PlanAssignment assign(PartnerSummary partner, String planCode, Instant effectiveFromOrNull, String field) {
        PlanStore.PlanRow plan = store.plan(planCode)
                .orElseThrow(() -> InvalidInputException.of(field, "no plan with code " + planCode));
        Instant effectiveFrom = effectiveFromOrNull == null ? PlanTimes.BEGINNING_OF_TIME : effectiveFromOrNull;
        Instant now = clock.instant();
        String actor = currentUser.actorName();
        store.insertAssignment(partner.id(), plan.id(), effectiveFrom, now, actor);
        resolver.assignmentChanged(partner.code());
        audit.record("PARTNER_PLAN_ASSIGNED", partner.code(), plan.code() + " from " + effectiveFrom);
        events.publishEvent(new PartnerPlanAssigned(partner.code(), plan.code(), effectiveFrom));
        return new PlanAssignment(partner.code(), plan.code(), effectiveFrom, now, actor);
    }

    private void checkCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw InvalidInputException.of("code", "1 to 64 letters, digits, '-' and '_', starting with a letter or digit");
        }
    }

    /** The checks of a PUT, field by field; what-if reuses them for drafts. */
    static void validate(String code, PlanDocument document) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        if (document.name() == null || document.name().isBlank()) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (document.name().length() > 200) {
            problems.add(new FieldProblem("name", "must be at most 200 characters"));
        }
        PlanValidator.validate(document.toPlanVersion(code, 1)).stream()
                .filter(v -> !NOT_IN_DOCUMENT.contains(v.field()))
                .forEach(v -> problems.add(new FieldProblem(v.field(), v.message())));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private PlanDetails details(PlanStore.PlanRow plan) {
        return details(plan, store.versions(List.of(plan.id()), true));
    }

    private PlanDetails details(PlanStore.PlanRow plan, List<PlanStore.VersionRow> rows) {
        Instant now = clock.instant();
        PlanStore.VersionRow currentRow = currentOf(rows, now);
        List<PlanVersionDetails> versions = rows.stream().map(PlanService::details).toList();
        PlanVersionDetails current = versions.get(rows.indexOf(currentRow));
        return new PlanDetails(plan.code(), plan.name(), versions, current);
    }

    private static PlanVersionDetails details(PlanStore.VersionRow row) {
        return new PlanVersionDetails(row.number(), row.effectiveFrom(), row.createdAt(), row.createdBy(),
                PlanJson.read(row.document()));
    }

    private static PlanStore.VersionRow currentOf(List<PlanStore.VersionRow> versions, Instant now) {
        for (int i = versions.size() - 1; i > 0; i--) {
            if (!versions.get(i).effectiveFrom().isAfter(now)) {
                return versions.get(i);
            }
        }
        return versions.getFirst();
    }
}
