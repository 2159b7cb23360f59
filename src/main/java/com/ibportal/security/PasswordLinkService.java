package com.ibportal.security;

import com.ibportal.shared.Hashing;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.NotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use set-password links ({@code /set-password/{token}}): a random token, only its SHA-256
 * stored, valid for {@link #VALIDITY}. Issuing a new link for a login invalidates its older ones.
 */
@Service
public class PasswordLinkService {

    public static final Duration VALIDITY = Duration.ofDays(7);
    public static final int MIN_PASSWORD_LENGTH = 10;
    public static final int MAX_PASSWORD_LENGTH = 200;
    public static final String PATH = "/set-password/";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordLinks links;
    private final UserAccounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final List<PasswordLinkSender> senders;
    private final AuditTrail audit;
    private final Clock clock;
    private final String publicUrl;

    PasswordLinkService(PasswordLinks links, UserAccounts accounts, PasswordEncoder passwordEncoder, List<PasswordLinkSender> senders,
                        AuditTrail audit, Clock clock, @Value("${portal.public-url:http://localhost:8080}") String publicUrl) {
        this.links = links;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        // a broker's own sender, when there is one, replaces the logging default
        this.senders = senders.size() > 1 ? senders.stream().filter(s -> !(s instanceof LoggingPasswordLinkSender)).toList() : senders;
        this.audit = audit;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** A fresh link for the login with this email, handed to the sender too; older links of that login stop working. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public IssuedPasswordLink issue(String email) {
        UserAccount account = accounts.findByEmail(email.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new NotFoundException("User " + email));
        Instant now = clock.instant();
        links.invalidateAll(account.getId(), now);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = now.plus(VALIDITY);
        links.save(new PasswordLink(account.getId(), Hashing.sha256Hex(token), now, expiresAt));
        audit.record("PASSWORD_LINK_ISSUED", account.getEmail(), "valid until " + expiresAt);
        String url = publicUrl + PATH + token;
        senders.forEach(sender -> sender.send(account.getEmail(), url, expiresAt));
        return new IssuedPasswordLink(account.getEmail(), url, expiresAt);
    }

    /** The email the link is for, while it is unused and unexpired; anyone holding the link may ask. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public java.util.Optional<String> emailFor(String token) {
        if (token == null || token.isBlank()) {
            return java.util.Optional.empty();
        }
        Instant now = clock.instant();
        return links.findByTokenHash(Hashing.sha256Hex(token)).filter(l -> l.isUsableAt(now))
                .flatMap(l -> accounts.findById(l.getUserAccountId())).map(UserAccount::getEmail);
    }

    /** Sets the password of the link's login and uses the link up. An unknown, used or expired link: not found. */
    @PreAuthorize("permitAll()")
    @Transactional
    public String setPassword(String token, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            throw InvalidInputException.of("password", "must be " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters");
        }
        Instant now = clock.instant();
        PasswordLink link = (token == null || token.isBlank() ? java.util.Optional.<PasswordLink>empty()
                : links.lockByTokenHash(Hashing.sha256Hex(token)))
                .filter(l -> l.isUsableAt(now))
                .orElseThrow(() -> new NotFoundException("Set-password link"));
        UserAccount account = accounts.findById(link.getUserAccountId())
                .orElseThrow(() -> new NotFoundException("Set-password link"));
        account.changePassword(passwordEncoder.encode(password));
        link.use(now);
        audit.recordAs(account.getEmail(), "PASSWORD_SET", account.getEmail(), "through a set-password link");
        return account.getEmail();
    }
}
