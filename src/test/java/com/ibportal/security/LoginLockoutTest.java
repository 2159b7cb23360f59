package com.ibportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@PortalIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LoginLockoutTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccountService users;

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
        var finance = fixtures.staff(Role.FINANCE);
        for (int attempt = 1; attempt <= 5; attempt++) {
            mvc.perform(get("/api/v1/program").with(httpBasic(finance.email(), "wrong-password-" + attempt)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/program").with(httpBasic(finance.email(), Fixtures.PASSWORD)))
                .andExpect(status().isUnauthorized());

        fixtures.signIn(fixtures.staff(Role.ADMIN).email());
        try {
            assertThat(users.listUsers()).filteredOn(u -> u.user().email().equals(finance.email()))
                    .singleElement().satisfies(u -> assertThat(u.locked()).isTrue());
            users.unlock(finance.id());
        } finally {
            fixtures.signOut();
        }
        mvc.perform(get("/api/v1/program").with(httpBasic(finance.email(), Fixtures.PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void fourWrongPasswordsThenTheRightOneStillSignsIn() throws Exception {
        var finance = fixtures.staff(Role.FINANCE);
        for (int attempt = 1; attempt <= 4; attempt++) {
            mvc.perform(get("/api/v1/program").with(httpBasic(finance.email(), "nope-" + attempt)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/program").with(httpBasic(finance.email(), Fixtures.PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void passwordsAreStoredHashedAndNeverLogged(CapturedOutput output) throws Exception {
        var ib = fixtures.ibWithLogin(fixtures.unique("IB"), null);
        mvc.perform(get("/api/v1/program").with(httpBasic(ib.email(), "typo-" + Fixtures.PASSWORD)));
        String stored = jdbc.sql("SELECT password_hash FROM user_account WHERE email = ?").param(ib.email())
                .query(String.class).single();
        assertThat(stored).startsWith("{bcrypt}$2").doesNotContain(Fixtures.PASSWORD);
        assertThat(output.getAll()).doesNotContain(Fixtures.PASSWORD);
    }
}
