package com.ibportal.partners;

import com.ibportal.security.AuditTrail;
import com.ibportal.security.CurrentUser;
import com.ibportal.security.NewUser;
import com.ibportal.security.PartnerDirectory;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import com.ibportal.security.UserAccountService;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.NotFoundException;
import com.ibportal.shared.Paged;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Partners and their hierarchy. An IB sees its own subtree only; anything else is "not found". */
@Service
public class PartnerService implements PartnerDirectory {

    /** "From the beginning of time": what a parent given at creation holds from. */
    public static final Instant BEGINNING_OF_TIME = Instant.EPOCH;

    private final Partners partners;
    private final PartnerPaths paths;
    private final PartnerListing listing;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    // Lazy: the user accounts service asks this one (as a PartnerDirectory) whether a partner exists.
    private final ObjectProvider<UserAccountService> userAccounts;
    private final Clock clock;

    PartnerService(Partners partners, PartnerPaths paths, PartnerListing listing, CurrentUser currentUser, AuditTrail audit,
                   ApplicationEventPublisher events, ObjectProvider<UserAccountService> userAccounts, Clock clock) {
        this.partners = partners;
        this.paths = paths;
        this.listing = listing;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.userAccounts = userAccounts;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PartnerSummary create(NewPartner request) {
        return create(request, null);
    }

    /** Creates a partner and, given a password, its IB login (the partner's email) in the same transaction. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PartnerSummary create(NewPartner request, String loginPassword) {
        if (partners.existsByCode(request.code())) {
            throw new ConflictException("A partner with code " + request.code() + " already exists");
        }
        if (partners.existsByEmailIgnoreCase(request.email().trim())) {
            throw new ConflictException("A partner with email " + request.email().trim() + " already exists");
        }
        Partner parent = null;
        if (request.parentCode() != null && !request.parentCode().isBlank()) {
            parent = partners.findByCode(request.parentCode())
                    .orElseThrow(() -> InvalidInputException.of("parentCode", "no partner with code " + request.parentCode()));
        }
        Partner partner = partners.save(new Partner(request.code(), request.name(), request.email().trim(),
                parent == null ? null : parent.getId(), clock.instant()));
        partners.flush();
        paths.addLeaf(partner.getId(), partner.getParentId(), BEGINNING_OF_TIME);
        audit.record("PARTNER_CREATED", request.code(), parent == null ? "top level" : "under " + parent.getCode());
        String planCode = request.planCode() == null || request.planCode().isBlank() ? null : request.planCode();
        // Synchronous: the plan listener (commissions) runs in this transaction, so a bad plan code undoes the create.
        events.publishEvent(new PartnerCreated(request.code(), planCode));
        if (loginPassword != null) {
            userAccounts.getObject().createUser(new NewUser(request.email().trim(), loginPassword, Role.IB, request.code(),
                    request.name()));
        }
        return partner.toSummary(parent == null ? null : parent.getCode());
    }

    /** The partner with this code, if the caller may see it (admin and finance: all; IB: its subtree). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public PartnerSummary get(String code) {
        Partner partner = visible(code).orElseThrow(() -> new NotFoundException("Partner " + code));
        return partner.toSummary(parentCode(partner));
    }

    /** Whether the caller may see this partner; an IB sees its own subtree only. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean isVisible(String code) {
        return visible(code).isPresent();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional(readOnly = true)
    public List<PartnerSummary> all() {
        List<Partner> all = partners.findAll(Sort.by("code"));
        var codes = all.stream().collect(java.util.stream.Collectors.toMap(Partner::getId, Partner::getCode));
        return all.stream().map(p -> p.toSummary(p.getParentId() == null ? null : codes.get(p.getParentId()))).toList();
    }

    /** A page of the partners the caller may see, by code: admin and finance all of them, an IB its own subtree. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Paged<PartnerSummary> list(int page, int size) {
        Paged.check(page, size);
        PortalUser user = currentUser.require();
        if (user.role() != Role.IB) {
            return listing.all(page, size);
        }
        return partners.findByCode(user.partnerCode())
                .map(own -> listing.subtree(own.getId(), page, size))
                .orElseGet(() -> new Paged<>(List.of(), page, size, 0));
    }

    /** The direct children of a partner the caller may see. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<PartnerSummary> children(String code) {
        Partner partner = visible(code).orElseThrow(() -> new NotFoundException("Partner " + code));
        return listing.children(partner.getId());
    }

    /**
     * Moves a partner, with its whole subtree, under another parent (null or blank: top level) from
     * {@code effectiveFrom}. History before then is kept: the old paths end, new ones start.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PartnerSummary move(String code, String newParentCode, Instant effectiveFrom) {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        boolean toTop = newParentCode == null || newParentCode.isBlank();
        // Lock both partners, always in code order so two concurrent moves cannot deadlock, before reading any paths.
        boolean parentFirst = !toTop && newParentCode.compareTo(code) < 0;
        Optional<Partner> lockedParent = parentFirst ? partners.lockByCode(newParentCode) : Optional.empty();
        Partner partner = partners.lockByCode(code).orElseThrow(() -> new NotFoundException("Partner " + code));
        if (!toTop && !parentFirst) {
            lockedParent = partners.lockByCode(newParentCode);
        }
        Partner newParent = toTop ? null : lockedParent
                .orElseThrow(() -> InvalidInputException.of("parentCode", "no partner with code " + newParentCode));
        Long newParentId = newParent == null ? null : newParent.getId();
        if (Objects.equals(newParentId, partner.getParentId())) {
            return partner.toSummary(parentCode(partner));
        }
        List<Long> subtree = paths.subtreeIds(partner.getId());
        if (newParent != null && subtree.contains(newParentId)) {
            throw new ConflictException("Cannot move " + code + " under " + newParentCode + ": "
                    + (newParentId.equals(partner.getId()) ? "a partner cannot be its own parent" : newParentCode + " is in its own subtree"));
        }
        List<Long> affected = new java.util.ArrayList<>(subtree);
        if (newParent != null) {
            affected.add(newParentId);
        }
        // Keep it simple: a move may not reach back before the latest change to the paths it touches.
        paths.latestOpenValidFrom(affected).filter(latest -> !effectiveFrom.isAfter(latest)).ifPresent(latest -> {
            throw new ConflictException("Cannot move " + code + " effective " + effectiveFrom
                    + ": a later move already exists (the hierarchy involved last changed at " + latest
                    + "); a move must take effect after that");
        });
        paths.move(partner.getId(), subtree, newParentId, effectiveFrom);
        partner.moveUnder(newParentId);
        String parentCode = newParent == null ? null : newParent.getCode();
        audit.record("PARTNER_MOVED", code, (parentCode == null ? "to top level" : "under " + parentCode) + " from " + effectiveFrom);
        events.publishEvent(new PartnerMoved(code, parentCode, effectiveFrom));
        return partner.toSummary(parentCode);
    }

    /**
     * Edits a partner; null fields stay. The email stays unique and the partner's login follows it.
     * Suspending disables the partner's logins (no sign-in, no API) until reactivated; its referral
     * links keep redirecting and attributing, since the clients are the broker's.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PartnerSummary update(String code, PartnerChanges changes) {
        if (changes.name() != null && changes.name().isBlank()) {
            throw InvalidInputException.of("name", "must not be blank");
        }
        if (changes.email() != null && changes.email().isBlank()) {
            throw InvalidInputException.of("email", "must not be blank");
        }
        Partner partner = partners.lockByCode(code).orElseThrow(() -> new NotFoundException("Partner " + code));
        List<String> changed = new java.util.ArrayList<>();
        if (changes.name() != null && !changes.name().trim().equals(partner.getName())) {
            changed.add("name '" + partner.getName() + "' -> '" + changes.name().trim() + "'");
            partner.rename(changes.name().trim());
        }
        if (changes.email() != null && !changes.email().trim().equals(partner.getEmail())) {
            String email = changes.email().trim();
            if (partners.existsByEmailIgnoreCaseAndIdNot(email, partner.getId())) {
                throw new ConflictException("A partner with email " + email + " already exists");
            }
            userAccounts.getObject().changePartnerLoginEmail(code, partner.getEmail(), email);
            changed.add("email " + partner.getEmail() + " -> " + email);
            partner.changeEmail(email);
        }
        if (changes.mayRecruit() != null && changes.mayRecruit() != partner.mayRecruit()) {
            changed.add("may recruit " + partner.mayRecruit() + " -> " + changes.mayRecruit());
            partner.allowRecruiting(changes.mayRecruit());
        }
        PartnerStatus oldStatus = partner.getStatus();
        if (changes.status() != null && changes.status() != oldStatus) {
            partner.changeStatus(changes.status());
            userAccounts.getObject().setPartnerLoginsEnabled(code, changes.status() == PartnerStatus.ACTIVE);
            changed.add("status " + oldStatus + " -> " + changes.status());
        }
        if (!changed.isEmpty()) {
            String detail = String.join("; ", changed);
            audit.record("PARTNER_UPDATED", code, detail.length() > 1000 ? detail.substring(0, 1000) : detail);
        }
        if (partner.getStatus() != oldStatus) {
            Instant now = clock.instant();
            events.publishEvent(partner.getStatus() == PartnerStatus.SUSPENDED ? new PartnerSuspended(code, now)
                    : new PartnerReactivated(code, now));
        }
        return partner.toSummary(parentCode(partner));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean partnerExists(String partnerCode) {
        return partners.existsByCode(partnerCode);
    }

    /** Internal lookup by code for other modules' processing (ingestion, attribution); no scoping. */
    @Transactional(readOnly = true)
    public Optional<PartnerSummary> findForProcessing(String code) {
        return partners.findByCode(code).map(p -> p.toSummary(parentCode(p)));
    }

    /** Internal lookup by id for other modules' processing; no scoping. */
    @Transactional(readOnly = true)
    public Optional<PartnerSummary> findForProcessing(long id) {
        return partners.findById(id).map(p -> p.toSummary(parentCode(p)));
    }

    private Optional<Partner> visible(String code) {
        PortalUser user = currentUser.require();
        Optional<Partner> partner = partners.findByCode(code);
        if (user.role() != Role.IB) {
            return partner;
        }
        Optional<Partner> own = partners.findByCode(user.partnerCode());
        return partner.filter(p -> own.isPresent() && paths.isInSubtree(own.get().getId(), p.getId()));
    }

    private String parentCode(Partner partner) {
        return partner.getParentId() == null ? null : partners.findById(partner.getParentId()).map(Partner::getCode).orElse(null);
    }
}
