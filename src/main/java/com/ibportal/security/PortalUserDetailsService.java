package com.ibportal.security;

import java.time.Clock;
import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PortalUserDetailsService implements UserDetailsService {

    private final UserAccounts accounts;
    private final Clock clock;

    PortalUserDetailsService(UserAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        UserAccount account = accounts.findByEmail(email.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return details(account);
    }

    PortalUserDetails details(UserAccount account) {
        return new PortalUserDetails(account.toPortalUser(), account.getPasswordHash(), account.isEnabled(),
                !account.isLockedAt(clock.instant()), account.getFailedLogins() > 0 || account.getLockedUntil() != null);
    }
}
