package com.ibportal.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Answers "who is asking" for services, views and controllers alike. */
@Component
public class CurrentUser {

    public Optional<PortalUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalUserDetails details) {
            return Optional.of(details.portalUser());
        }
        return Optional.empty();
    }

    public PortalUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    /** The partner an IB acts for; refused for anyone else. */
    public String requirePartnerCode() {
        PortalUser user = require();
        if (user.role() != Role.IB || user.partnerCode() == null) {
            throw new AccessDeniedException("only an IB has a partner");
        }
        return user.partnerCode();
    }

    public String actorName() {
        return get().map(PortalUser::email).orElse("anonymous");
    }
}
