package com.ibportal.clients;

import com.ibportal.partners.NetworkMember;
import com.ibportal.partners.PartnerClientFigures;
import com.ibportal.partners.PartnerService;
import com.ibportal.partners.PartnerSummary;
import com.ibportal.partners.Upline;
import com.ibportal.program.ProgramService;
import com.ibportal.security.AuditTrail;
import com.ibportal.security.CurrentUser;
import com.ibportal.security.Role;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.Hashing;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.NotFoundException;
import com.ibportal.shared.Paged;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Clients and their attribution. Writes come from ingestion (as the system) or from admins. */
@Service
public class ClientService implements PartnerClientFigures {

    /** The most clients one {@link #myClients} call returns; a lazy grid asks for far fewer. */
    public static final int MAX_SLICE = 1000;

    private final Clients clients;
    private final ClientAttributions attributions;
    private final ClientQueries queries;
    private final PartnerService partners;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ProgramService program;

    ClientService(Clients clients, ClientAttributions attributions, ClientQueries queries, PartnerService partners,
                  CurrentUser currentUser, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
                  ProgramService program) {
        this.program = program;
        this.clients = clients;
        this.attributions = attributions;
        this.queries = queries;
        this.partners = partners;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores a newly registered client and attributes it to the partner of its referral code from
     * the registration instant. The first registration stands: a repeat changes nothing.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public boolean register(ClientRegistration registration) {
        if (clients.existsByExternalId(registration.externalId())) {
            return false;
        }
        String email = registration.email() == null ? null : registration.email().trim().toLowerCase(Locale.ROOT);
        Client client = clients.save(new Client(registration.externalId(), email, email == null ? null : Hashing.sha256Hex(email),
                registration.country(), registration.registeredAt(), registration.referralCode(), registration.campaign(),
                clock.instant()));
        Optional<PartnerSummary> partner = Optional.ofNullable(registration.referralCode()).flatMap(partners::findForProcessing);
        partner.ifPresent(p -> attributions.save(new ClientAttribution(client.getId(), p.id(), registration.registeredAt(),
                "REFERRAL_CODE", clock.instant(), currentUser.actorName())));
        return true;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void changeKyc(String externalId, KycStatus status) {
        clients.findByExternalId(externalId).ifPresent(c -> c.changeKyc(status));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void recordDeposit(String externalId, Instant at, BigDecimal amount, String currency) {
        clients.findByExternalId(externalId).ifPresent(c -> c.recordDeposit(at, amount, currency));
    }

    /** A client the caller may see: admin and finance any, an IB those currently in its subtree (email masked unless the program says otherwise). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ClientDetails get(String externalId) {
        ClientDetails client = queries.details(externalId).orElseThrow(() -> new NotFoundException("Client " + externalId));
        if (currentUser.require().role() != Role.IB) {
            return client;
        }
        if (client.partnerCode() == null || !partners.isVisible(client.partnerCode())) {
            throw new NotFoundException("Client " + externalId);
        }
        return program.programForInternalUse().maskClientPii() ? client.masked() : client;
    }

    /** The client's partner at {@code t} and its ancestors at {@code t}, nearest first (what commissions walk). */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional(readOnly = true)
    public Upline uplineAt(String clientExternalId, Instant t) {
        Objects.requireNonNull(t, "t");
        List<Upline.Level> levels = queries.uplineAt(clientExternalId, t);
        if (levels.isEmpty() && !clients.existsByExternalId(clientExternalId)) {
            throw new NotFoundException("Client " + clientExternalId);
        }
        return new Upline(clientExternalId, t, levels);
    }

    /** How many clients the partner's current subtree holds now (its own included); 404 outside the caller's view. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public long subtreeClientCount(String partnerCode) {
        return queries.subtreeClientCount(partners.get(partnerCode).id());
    }

    /**
     * Gives the client to another partner from {@code effectiveFrom}: its current attribution ends then
     * and the new one starts. Reassigning to the current partner changes nothing.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ClientDetails reassign(String externalId, String partnerCode, Instant effectiveFrom) {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Client client = clients.lockByExternalId(externalId).orElseThrow(() -> new NotFoundException("Client " + externalId));
        PartnerSummary to = partnerForInput(partnerCode);
        ClientAttribution current = attributions.findByClientIdAndValidToIsNull(client.getId())
                .orElseThrow(() -> new ConflictException("Client " + externalId + " is attributed to nobody; assign it instead"));
        if (current.getPartnerId() == to.id()) {
            return get(externalId);
        }
        if (!effectiveFrom.isAfter(current.getValidFrom())) {
            throw new ConflictException("Cannot reassign " + externalId + " effective " + effectiveFrom
                    + ": its current attribution (or a later reassignment) starts at " + current.getValidFrom()
                    + "; a reassignment must take effect after that");
        }
        String from = partners.findForProcessing(current.getPartnerId()).map(PartnerSummary::code).orElse(null);
        current.closeAt(effectiveFrom);
        // Hibernate inserts before it updates; the open attribution must be closed first (one open row per client).
        attributions.flush();
        attributions.saveAndFlush(new ClientAttribution(client.getId(), to.id(), effectiveFrom, "REASSIGNED", clock.instant(),
                currentUser.actorName()));
        audit.record("CLIENT_REASSIGNED", externalId, "from " + from + " to " + to.code() + " from " + effectiveFrom);
        events.publishEvent(new ClientReassigned(externalId, from, to.code(), effectiveFrom));
        return get(externalId);
    }

    /** The admin's queue: clients attributed to nobody (unknown referral code, or none), oldest first. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Paged<UnmatchedClient> unmatched(int page, int size) {
        Paged.check(page, size);
        return queries.unmatched(page, size);
    }

    /** Attributes an unmatched client to a partner from its registration; refused once it has an attribution. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ClientDetails assign(String externalId, String partnerCode) {
        Client client = clients.lockByExternalId(externalId).orElseThrow(() -> new NotFoundException("Client " + externalId));
        PartnerSummary partner = partnerForInput(partnerCode);
        if (attributions.existsByClientId(client.getId())) {
            throw new ConflictException("Client " + externalId + " is already attributed; reassign it instead");
        }
        attributions.saveAndFlush(new ClientAttribution(client.getId(), partner.id(), client.getRegisteredAt(), "ASSIGNED", clock.instant(),
                currentUser.actorName()));
        audit.record("CLIENT_ASSIGNED", externalId, "to " + partner.code());
        events.publishEvent(new ClientAssigned(externalId, partner.code(), client.getRegisteredAt()));
        return get(externalId);
    }

    /**
     * A slice of the signed-in IB's subtree's clients, newest registration first, for a lazy grid; emails
     * masked as in {@link #get}. {@code limit} is capped so no caller pulls a 200,000-client network at once.
     */
    @PreAuthorize("hasRole('IB')")
    @Transactional(readOnly = true)
    public List<ClientDetails> myClients(long offset, int limit) {
        if (offset < 0) {
            throw InvalidInputException.of("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_SLICE) {
            throw InvalidInputException.of("limit", "must be 1 to " + MAX_SLICE);
        }
        List<ClientDetails> slice = queries.subtreeClients(partners.get(currentUser.requirePartnerCode()).id(), offset, limit);
        return program.programForInternalUse().maskClientPii() ? slice.stream().map(ClientDetails::masked).toList() : slice;
    }

    /** How many clients the signed-in IB's subtree holds now (its own included). */
    @PreAuthorize("hasRole('IB')")
    @Transactional(readOnly = true)
    public long myClientCount() {
        return queries.subtreeClientCount(partners.get(currentUser.requirePartnerCode()).id());
    }

    @Override
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional(readOnly = true)
    public Map<Long, Long> currentClientCountsByPartner() {
        return queries.clientCountsByPartner();
    }

    @Override
    @PreAuthorize("hasRole('IB')")
    @Transactional(readOnly = true)
    public List<NetworkMember> myNetwork(YearMonth month) {
        Objects.requireNonNull(month, "month");
        Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return queries.network(partners.get(currentUser.requirePartnerCode()).id(), from, to);
    }

    private PartnerSummary partnerForInput(String partnerCode) {
        if (partnerCode == null || partnerCode.isBlank()) {
            throw InvalidInputException.of("partnerCode", "must not be blank");
        }
        return partners.findForProcessing(partnerCode)
                .orElseThrow(() -> InvalidInputException.of("partnerCode", "no partner with code " + partnerCode));
    }
}
