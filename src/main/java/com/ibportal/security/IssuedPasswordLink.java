package com.ibportal.security;

import java.time.Instant;

/** A set-password link as issued: the URL holds the token, so it is shown once, to the admin who issued it. */
public record IssuedPasswordLink(String email, String url, Instant expiresAt) {
}
