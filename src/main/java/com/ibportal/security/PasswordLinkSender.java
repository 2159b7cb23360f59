package com.ibportal.security;

import java.time.Instant;

/**
 * Delivers a set-password link to the person it is for. The portal has no mail server: the default
 * ({@link LoggingPasswordLinkSender}) only logs that a link was issued; a broker with mail
 * provides its own bean marked {@code @Primary}.
 */
public interface PasswordLinkSender {

    void send(String email, String link, Instant expiresAt);
}
