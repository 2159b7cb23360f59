package com.ibportal.security;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Logs that a link went out and for whom, never the link: the token in it is as good as a password. */
@Component
class LoggingPasswordLinkSender implements PasswordLinkSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingPasswordLinkSender.class);

    @Override
    public void send(String email, String link, Instant expiresAt) {
        log.info("Set-password link issued for {} (valid until {}); no mail server configured, an admin passes it on", email, expiresAt);
    }
}
