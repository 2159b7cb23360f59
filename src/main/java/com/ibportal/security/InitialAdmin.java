package com.ibportal.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On a portal with no admin yet, creates one from PORTAL_ADMIN_EMAIL / PORTAL_ADMIN_PASSWORD. */
@Component
@Order(0)
class InitialAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final UserAccountService users;
    private final String email;
    private final String password;

    InitialAdmin(UserAccountService users, @Value("${PORTAL_ADMIN_EMAIL:}") String email,
                 @Value("${PORTAL_ADMIN_PASSWORD:}") String password) {
        this.users = users;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isBlank() || password.isBlank() || users.adminExists()) {
            return;
        }
        SystemActor.run(() -> users.createUser(new NewUser(email, password, Role.ADMIN, null, "Administrator")));
        log.info("Created the first admin {} from PORTAL_ADMIN_EMAIL", email);
    }
}
