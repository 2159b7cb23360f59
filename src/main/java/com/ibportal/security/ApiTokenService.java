package com.ibportal.security;

import com.ibportal.shared.Hashing;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues bearer tokens for the REST API and resolves them back to their user. */
@Service
public class ApiTokenService {

    static final String PREFIX = "ibp_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokens tokens;
    private final UserAccounts accounts;
    private final PortalUserDetailsService userDetails;
    private final AuditTrail audit;
    private final Clock clock;

    ApiTokenService(ApiTokens tokens, UserAccounts accounts, PortalUserDetailsService userDetails, AuditTrail audit, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.userDetails = userDetails;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new token for the given user; the returned value is the only time the token is visible. */
    @PreAuthorize("hasRole('ADMIN') or #email.equalsIgnoreCase(authentication.name)")
    @Transactional
    public String issue(String email, String tokenName) {
        UserAccount account = accounts.findByEmail(email.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new com.ibportal.shared.NotFoundException("User " + email));
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        tokens.save(new ApiToken(account.getId(), tokenName, Hashing.sha256Hex(token), token.substring(0, 8), clock.instant()));
        audit.record("API_TOKEN_ISSUED", account.getEmail(), tokenName);
        return token;
    }

    @Transactional
    Optional<PortalUserDetails> authenticate(String token) {
        if (!token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(Hashing.sha256Hex(token))
                .filter(ApiToken::isActive)
                .flatMap(t -> {
                    t.markUsed(clock.instant());
                    return accounts.findById(t.getUserAccountId());
                })
                .map(userDetails::details)
                .filter(d -> d.isEnabled() && d.isAccountNonLocked());
    }

}
