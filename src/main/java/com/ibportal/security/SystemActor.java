package com.ibportal.security;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work that no person asked for (start-up, demo data, background processing) as the
 * portal itself, so the services' own access checks still apply and the audit trail names it.
 */
public final class SystemActor {

    public static final String NAME = "system";

    private SystemActor() {
    }

    public static <T> T call(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        PortalUserDetails system = new PortalUserDetails(new PortalUser(0, NAME, "IB Portal", Role.ADMIN, null, "en"),
                "", true, true, false);
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(system, null, system.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
