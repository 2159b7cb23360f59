package com.ibportal.security;

import com.ibportal.shared.ConflictException;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and lists logins. Only an admin may; the portal itself may when seeding. */
@Service
public class UserAccountService {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final UserAccounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final List<PartnerDirectory> partnerDirectory;
    private final AuditTrail audit;
    private final Clock clock;

    UserAccountService(UserAccounts accounts, PasswordEncoder passwordEncoder, List<PartnerDirectory> partnerDirectory,
                       AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.partnerDirectory = partnerDirectory;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PortalUser createUser(NewUser request) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        String partnerCode = request.partnerCode() == null || request.partnerCode().isBlank() ? null : request.partnerCode().trim();
        if (request.role() == Role.IB && partnerCode == null) {
            throw InvalidInputException.of("partnerCode", "an IB login must name its partner");
        }
        if (request.role() != Role.IB && partnerCode != null) {
            throw InvalidInputException.of("partnerCode", "only an IB login acts for a partner");
        }
        if (partnerCode != null && partnerDirectory.stream().noneMatch(d -> d.partnerExists(partnerCode))) {
            throw InvalidInputException.of("partnerCode", "no partner with code " + partnerCode);
        }
        if (accounts.existsByEmail(email)) {
            throw new ConflictException("A user with email " + email + " already exists");
        }
        String displayName = request.displayName() == null || request.displayName().isBlank() ? email : request.displayName().trim();
        UserAccount account = accounts.save(new UserAccount(email, passwordEncoder.encode(request.password()), request.role(),
                partnerCode, displayName, clock.instant()));
        audit.record("USER_CREATED", email, "role " + request.role() + (partnerCode == null ? "" : ", partner " + partnerCode));
        return account.toPortalUser();
    }

    /**
     * An IB login with no usable password (the hash of a random secret nobody keeps): its owner
     * chooses one through a set-password link.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PortalUser createIbLoginWithoutPassword(String email, String partnerCode, String displayName) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return createUser(new NewUser(email, java.util.HexFormat.of().formatHex(secret), Role.IB, partnerCode, displayName));
    }

    /** Whether some login already signs in with this email. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public boolean emailInUse(String email) {
        return accounts.existsByEmail(email.trim().toLowerCase(Locale.ROOT));
    }

    /** Disables (a suspended partner) or enables again every login acting for the partner. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void setPartnerLoginsEnabled(String partnerCode, boolean enabled) {
        for (UserAccount account : accounts.findByPartnerCode(partnerCode)) {
            if (account.isEnabled() != enabled) {
                account.setEnabled(enabled);
                audit.record(enabled ? "USER_ENABLED" : "USER_DISABLED", account.getEmail(), "partner " + partnerCode);
            }
        }
    }

    /**
     * The partner's login that signs in with its old email now signs in with the new one. None such
     * (a partner without a login): nothing to do. The new email must not be another login's.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void changePartnerLoginEmail(String partnerCode, String oldEmail, String newEmail) {
        String from = oldEmail.trim().toLowerCase(Locale.ROOT);
        String to = newEmail.trim().toLowerCase(Locale.ROOT);
        if (from.equals(to)) {
            return;
        }
        var login = accounts.findByEmail(from).filter(a -> partnerCode.equals(a.getPartnerCode()));
        if (login.isEmpty()) {
            return;
        }
        if (accounts.existsByEmail(to)) {
            throw new ConflictException("A user with email " + to + " already exists");
        }
        login.get().changeEmail(to);
        audit.record("USER_EMAIL_CHANGED", to, "was " + from + ", partner " + partnerCode);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<UserSummary> listUsers() {
        return accounts.findAll(Sort.by("email")).stream()
                .map(a -> new UserSummary(a.toPortalUser(), a.isEnabled(), a.isLockedAt(clock.instant())))
                .toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void unlock(long userId) {
        UserAccount account = accounts.findById(userId).orElseThrow(() -> new NotFoundException("User " + userId));
        account.unlock();
        audit.record("USER_UNLOCKED", account.getEmail(), null);
    }

    @Transactional(readOnly = true)
    public boolean adminExists() {
        return accounts.existsByRole(Role.ADMIN);
    }

    /** A user as listed to admins: whether it may sign in, and whether it is locked out now. */
    public record UserSummary(PortalUser user, boolean enabled, boolean locked) {
    }
}
