package com.ibportal.partners;

import com.ibportal.security.AuditTrail;
import com.ibportal.security.CurrentUser;
import com.ibportal.security.PartnerDirectory;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    PartnerService(Partners partners, PartnerPaths paths, CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.partners = partners;
        this.paths = paths;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PartnerSummary create(NewPartner request) {
        if (partners.existsByCode(request.code())) {
            throw new ConflictException("A partner with code " + request.code() + " already exists");
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
        return partner.toSummary(parent == null ? null : parent.getCode());
    }

    /** The partner with this code, if the caller may see it (admin and finance: all; IB: its subtree). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public PartnerSummary get(String code) {
        Partner partner = visible(code).orElseThrow(() -> new NotFoundException("Partner " + code));
        return partner.toSummary(parentCode(partner));
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional(readOnly = true)
    public List<PartnerSummary> all() {
        List<Partner> all = partners.findAll(Sort.by("code"));
        var codes = all.stream().collect(java.util.stream.Collectors.toMap(Partner::getId, Partner::getCode));
        return all.stream().map(p -> p.toSummary(p.getParentId() == null ? null : codes.get(p.getParentId()))).toList();
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
