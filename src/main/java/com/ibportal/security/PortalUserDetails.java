package com.ibportal.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The authenticated principal: Spring's user plus what the portal needs to scope data. */
class PortalUserDetails extends User {

    private final PortalUser user;

    PortalUserDetails(PortalUser user, String passwordHash, boolean enabled, boolean nonLocked) {
        super(user.email(), passwordHash, enabled, true, true, nonLocked,
                List.of(new SimpleGrantedAuthority(user.role().authority())));
        this.user = user;
    }

    PortalUser portalUser() {
        return user;
    }
}
