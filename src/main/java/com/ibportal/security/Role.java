package com.ibportal.security;

/** What a user may do: run the program, pay it, or work as an introducing broker. */
public enum Role {
    ADMIN, FINANCE, IB;

    /** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
