package com.ibportal.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Locks an account for a while after repeated wrong passwords, whether through the UI or the API. */
@Component
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    LoginAttempts(UserAccounts accounts, AuditTrail audit, Clock clock,
                  @Value("${portal.security.max-failed-logins:5}") int maxFailures,
                  @Value("${portal.security.lockout:15m}") Duration lockout) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String email = String.valueOf(event.getAuthentication().getName()).trim().toLowerCase(Locale.ROOT);
        accounts.findByEmail(email).ifPresent(account -> {
            if (account.recordFailedLogin(clock.instant(), maxFailures, lockout)) {
                log.warn("Account {} locked for {} after {} failed logins", email, lockout, maxFailures);
                audit.recordAs(email, "ACCOUNT_LOCKED", email, "after " + maxFailures + " failed logins");
            }
        });
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof PortalUserDetails details && details.hasFailedLogins()) {
            accounts.findById(details.portalUser().id()).ifPresent(UserAccount::recordSuccessfulLogin);
        }
    }
}
