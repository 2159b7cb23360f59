package com.ibportal.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The authenticated principal: Spring's user plus what the portal needs to scope data. */
class PortalUserDetails extends User {

    private final PortalUser user;
    private final boolean hasFailedLogins;

    PortalUserDetails(PortalUser user, String passwordHash, boolean enabled, boolean nonLocked, boolean hasFailedLogins) {
        super(user.email(), passwordHash, enabled, true, true, nonLocked,
                List.of(new SimpleGrantedAuthority(user.role().authority())));
        this.user = user;
        this.hasFailedLogins = hasFailedLogins;
    }

    /** Whether a successful sign-in has a failure count or a lock to clear (rarely: so most sign-ins touch no row). */
    boolean hasFailedLogins() {
        return hasFailedLogins;
    }

    PortalUser portalUser() {
        return user;
    }
}
