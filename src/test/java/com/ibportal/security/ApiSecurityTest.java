package com.ibportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@PortalIntegrationTest
class ApiSecurityTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ApiTokenService tokens;

    @Test
    void anonymousApiCallGetsProblem401() throws Exception {
        mvc.perform(get("/api/v1/program"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(header().exists("WWW-Authenticate"));
    }

    @Test
    void anonymousBrowserIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/admin/users"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
    }

    @Test
    void ibCannotUseAdminEndpoints() throws Exception {
        var ib = fixtures.ibWithLogin(fixtures.unique("IB"), null);
        mvc.perform(post("/api/v1/users").with(httpBasic(ib.email(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"x@y.test\",\"password\":\"long-enough-pw\",\"role\":\"ADMIN\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/program").with(httpBasic(ib.email(), Fixtures.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void adminCreatesUserAndDuplicateIsAConflict() throws Exception {
        var admin = fixtures.staff(Role.ADMIN);
        String email = fixtures.unique("finance").toLowerCase() + "@staff.test";
        String body = "{\"email\":\"" + email + "\",\"password\":\"long-enough-pw\",\"role\":\"FINANCE\"}";
        mvc.perform(post("/api/v1/users").with(httpBasic(admin.email(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.role").value("FINANCE"));
        mvc.perform(post("/api/v1/users").with(httpBasic(admin.email(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(email)));
    }

    @Test
    void invalidUserNamesTheBadFields() throws Exception {
        var admin = fixtures.staff(Role.ADMIN);
        mvc.perform(post("/api/v1/users").with(httpBasic(admin.email(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"not-an-email\",\"password\":\"short\",\"role\":\"IB\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'password')]").exists());
        mvc.perform(post("/api/v1/users").with(httpBasic(admin.email(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"ib@x.test\",\"password\":\"long-enough-pw\",\"role\":\"IB\",\"partnerCode\":\"NO-SUCH\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("partnerCode"));
        mvc.perform(post("/api/v1/users").with(httpBasic(admin.email(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Malformed request"));
    }

    @Test
    void bearerTokenAuthenticatesAndAnUnknownOneIsRejected() throws Exception {
        var finance = fixtures.staff(Role.FINANCE);
        fixtures.signIn(finance.email());
        String token;
        try {
            token = tokens.issue(finance.email(), "reporting");
        } finally {
            fixtures.signOut();
        }
        assertThat(token).startsWith("ibp_");
        mvc.perform(get("/api/v1/program").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.payoutCurrency").exists());
        mvc.perform(get("/api/v1/program").header("Authorization", "Bearer ibp_forged"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void healthIsPublicButMetricsNeedAnAdmin() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        var admin = fixtures.staff(Role.ADMIN);
        mvc.perform(get("/actuator/prometheus").with(httpBasic(admin.email(), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes")));
    }

    @Test
    void openApiDocumentIsPublished() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/users']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/program']").exists());
        mvc.perform(get("/swagger-ui/index.html"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("swagger-ui")));
    }
}
