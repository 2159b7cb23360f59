package com.ibportal.clients;

import com.ibportal.shared.Hashing;
import com.ibportal.partners.PartnerService;
import com.ibportal.partners.PartnerSummary;
import com.ibportal.security.CurrentUser;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Clients and their attribution. Writes come from ingestion (as the system) or from admins. */
@Service
public class ClientService {

    private final Clients clients;
    private final ClientAttributions attributions;
    private final PartnerService partners;
    private final CurrentUser currentUser;
    private final Clock clock;

    ClientService(Clients clients, ClientAttributions attributions, PartnerService partners, CurrentUser currentUser, Clock clock) {
        this.clients = clients;
        this.attributions = attributions;
        this.partners = partners;
        this.currentUser = currentUser;
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

}
