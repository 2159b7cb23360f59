package com.ibportal.security;

/** A signed-in (or listed) user as other modules see it; an IB user carries its partner's code. */
public record PortalUser(long id, String email, String displayName, Role role, String partnerCode, String locale) {

    public boolean is(Role other) {
        return role == other;
    }
}
