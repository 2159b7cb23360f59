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
