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
    private final ClientFacts history;
    private final ClientEmailCipher emails;

    ClientService(Clients clients, ClientAttributions attributions, ClientQueries queries, PartnerService partners,
                  CurrentUser currentUser, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
                  ProgramService program, ClientFacts history, ClientEmailCipher emails) {
        this.emails = emails;
        this.program = program;
        this.history = history;
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
        // Flushed at once: events of this client later in the same transaction are looked up with plain SQL.
        Client client = clients.saveAndFlush(new Client(registration.externalId(), emails.seal(email), email == null ? null : Hashing.sha256Hex(email),
                registration.country(), registration.registeredAt(), registration.referralCode(), registration.campaign(),
                clock.instant()));
        Optional<PartnerSummary> partner = Optional.ofNullable(registration.referralCode()).flatMap(partners::findForProcessing);
        partner.ifPresent(p -> {
            attributions.saveAndFlush(new ClientAttribution(client.getId(), p.id(), registration.registeredAt(),
                    "REFERRAL_CODE", clock.instant(), currentUser.actorName()));
            events.publishEvent(new ClientAttributed(registration.externalId(), p.code(), registration.registeredAt()));
        });
        return true;
    }

    /** An admin's or the demo's KYC change, effective now. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void changeKyc(String externalId, KycStatus status) {
        recordKycChange(externalId, status, clock.instant(), null);
    }

    /**
     * Records a KYC status the CRM reported at {@code at}. The client's status is that of its latest
     * change by instant, so a change that arrives late never overrides a newer one.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public KycTransition recordKycChange(String externalId, KycStatus status, Instant at, String eventId) {
        Client client = clients.findByExternalId(externalId).orElseThrow(() -> new NotFoundException("Client " + externalId));
        KycStatus before = client.getKycStatus();
        history.addKycChange(client.getId(), status, at, eventId, clock.instant(), currentUser.actorName());
        List<KycChange> changes = history.kycChanges(client.getId());
        client.changeKyc(changes.getLast().status());
        Optional<KycChange> approval = currentApproval(client, changes);
        return new KycTransition(externalId, before, client.getKycStatus(), approval.map(KycChange::occurredAt).orElse(null),
                approval.map(KycChange::eventId).orElse(null));
    }

    /** The client's KYC changes, oldest first. */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional(readOnly = true)
    public List<KycChange> kycHistory(String externalId) {
        return history.kycChanges(require(externalId).getId());
    }

    /** Who owned the client when: its attributions oldest first, with who recorded each and why. */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional(readOnly = true)
    public List<AttributionPeriod> attributionHistory(String externalId) {
        return queries.attributionHistory(require(externalId).getId());
    }

    /** Remembers the platform account an event named for the client; a known account changes nothing. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void recordTradingAccount(String externalId, String platform, String login, Instant seenAt) {
        history.addTradingAccount(require(externalId).getId(), platform, login, seenAt);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional(readOnly = true)
    public List<TradingAccount> tradingAccounts(String externalId) {
        return history.tradingAccounts(require(externalId).getId());
    }

    /**
     * Whether the client is known, holding a shared lock on its row (or on the gap where its row would
     * go) until the caller's transaction ends: an event parked for an unknown client and the
     * registration that releases it are thus serialised, and the release cannot run before the park.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public boolean lockIfKnown(String externalId) {
        return history.lockClientId(externalId).isPresent();
    }

    /** Registrations and FTDs in [from, to) of the partner's own clients; 404 outside the caller's view. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public DirectClientActivity directClientActivity(String partnerCode, Instant from, Instant toExclusive) {
        partners.get(partnerCode);
        return queries.directClientActivity(partnerCode, from, toExclusive);
    }

    /** The client as commissions see it at {@code t}; empty for an unknown client. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Optional<ClientForCommissions> forCommissions(String externalId, Instant t) {
        return clients.findByExternalId(externalId).map(client -> {
            Optional<KycChange> approval = currentApproval(client, history.kycChanges(client.getId()));
            return new ClientForCommissions(externalId, emails.open(client.getSealedEmail()), client.getKycStatus(),
                    approval.map(KycChange::occurredAt).orElse(null), approval.map(KycChange::eventId).orElse(null),
                    history.pathAt(client.getId(), t));
        });
    }

    /** When the current run of APPROVED began; a client approved before history was kept counts from its registration. */
    private static Optional<KycChange> currentApproval(Client client, List<KycChange> changes) {
        if (client.getKycStatus() != KycStatus.APPROVED) {
            return Optional.empty();
        }
        KycChange start = null;
        for (int i = changes.size() - 1; i >= 0 && changes.get(i).status() == KycStatus.APPROVED; i--) {
            start = changes.get(i);
        }
        if (start == null) {
            return Optional.of(new KycChange(KycStatus.APPROVED, client.getRegisteredAt(), "kyc:" + client.getExternalId()));
        }
        return Optional.of(start.eventId() == null
                ? new KycChange(KycStatus.APPROVED, start.occurredAt(), "kyc:" + client.getExternalId() + "@" + start.occurredAt())
                : start);
    }

    private Client require(String externalId) {
        return clients.findByExternalId(externalId).orElseThrow(() -> new NotFoundException("Client " + externalId));
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
