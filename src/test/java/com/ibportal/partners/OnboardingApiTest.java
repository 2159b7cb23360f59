package com.ibportal.partners;

import static com.ibportal.Fixtures.as;
import static com.ibportal.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.security.PasswordLinkService;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import com.ibportal.shared.Hashing;
import com.ibportal.shared.NotFoundException;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@PortalIntegrationTest
class OnboardingApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    OnboardingService onboarding;
    @Autowired
    PasswordLinkService passwordLinks;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        fixtures.signOut();
    }

    @Test
    void aPublicApplicationApprovedBecomesAPartnerWithALoginSetThroughASingleUseLink() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String tag = fixtures.unique("Jo");
        String email = tag.toLowerCase(Locale.ROOT) + "@apply.test";
        String id = apply("Jöhn Smith " + tag, "  " + email.toUpperCase(Locale.ROOT) + " ");

        mvc.perform(get("/api/v1/applications?status=PENDING").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == %s)].email".formatted(id)).value(email))
                .andExpect(jsonPath("$[?(@.id == %s)].country".formatted(id)).value("DE"))
                .andExpect(jsonPath("$[?(@.id == %s)].expectedMonthlyLots".formatted(id)).value("250.50"));

        String expectedCode = "IB-JOHN-SMITH-" + tag.toUpperCase(Locale.ROOT);
        String body = mvc.perform(json(post("/api/v1/applications/" + id + "/approve"), "{}").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.application.status").value("APPROVED"))
                .andExpect(jsonPath("$.application.partnerCode").value(expectedCode))
                .andExpect(jsonPath("$.partner.code").value(expectedCode))
                .andExpect(jsonPath("$.partner.parentCode").doesNotExist())
                .andExpect(jsonPath("$.partner.mayRecruit").value(true))
                .andExpect(jsonPath("$.setPasswordLink.url").value(startsWith("http://localhost:8080/set-password/")))
                .andReturn().getResponse().getContentAsString();
        String url = JsonPath.read(body, "$.setPasswordLink.url");
        Instant expires = Instant.parse(JsonPath.read(body, "$.setPasswordLink.expiresAt"));
        assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofDays(7).minusMinutes(5), Duration.ofDays(7));
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM password_link WHERE token_hash = ?").param(Hashing.sha256Hex(token))
                .query(Long.class).single()).as("only the token's hash is stored").isEqualTo(1);

        // no usable password before the link is used
        mvc.perform(get("/api/v1/partners/" + expectedCode).with(httpBasic(email, ""))).andExpect(status().isUnauthorized());
        fixtures.signInAnonymously();
        assertThat(passwordLinks.emailFor(token)).contains(email);
        passwordLinks.setPassword(token, "brand-new-password");
        assertThat(passwordLinks.emailFor(token)).as("single use").isEmpty();
        assertThatThrownBy(() -> passwordLinks.setPassword(token, "another-password-1")).isInstanceOf(NotFoundException.class);
        mvc.perform(get("/api/v1/partners/" + expectedCode).with(httpBasic(email, "brand-new-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Jöhn Smith " + tag));
    }

    @Test
    void derivedCodesAreUrlSafeAndASecondPartnerOfTheSameNameGetsASuffix() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String tag = fixtures.unique("Twin");
        String first = apply("Ann Lee " + tag, tag.toLowerCase(Locale.ROOT) + "-1@apply.test");
        String second = apply("Ann Lee " + tag, tag.toLowerCase(Locale.ROOT) + "-2@apply.test");
        String code = "IB-ANN-LEE-" + tag.toUpperCase(Locale.ROOT);
        mvc.perform(json(post("/api/v1/applications/" + first + "/approve"), "{}").with(as(admin)))
                .andExpect(jsonPath("$.partner.code").value(code));
        mvc.perform(post("/api/v1/applications/" + second + "/approve").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partner.code").value(code + "-2"));

        assertThat(OnboardingService.codeFrom("  Ørsted & Søn, Ltd. ")).isEqualTo("IB-ORSTED-SON-LTD");
        assertThat(OnboardingService.codeFrom("José Núñez")).isEqualTo("IB-JOSE-NUNEZ");
        assertThat(OnboardingService.codeFrom("株式会社")).isEqualTo("IB-PARTNER");
        assertThat(OnboardingService.codeFrom("x".repeat(300))).hasSizeLessThanOrEqualTo(59).matches("IB-X+");
    }

    @Test
    void approvalTakesAGivenCodeAndParentAndRefusesBadOnes() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String master = fixtures.unique("AM");
        fixtures.partner(master, null);
        String tag = fixtures.unique("Given");
        String id = apply("Given " + tag, tag.toLowerCase(Locale.ROOT) + "@apply.test");
        mvc.perform(json(post("/api/v1/applications/" + id + "/approve"), """
                        {"code": "has space"}""").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        mvc.perform(json(post("/api/v1/applications/" + id + "/approve"), """
                        {"code": "%s"}""".formatted(master)).with(as(admin)))
                .andExpect(status().isConflict());
        mvc.perform(json(post("/api/v1/applications/" + id + "/approve"), """
                        {"parentCode": "NO-SUCH-PARENT"}""").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentCode"));
        String code = tag + "-OWN";
        mvc.perform(json(post("/api/v1/applications/" + id + "/approve"), """
                        {"code": "%s", "parentCode": "%s"}""".formatted(code, master)).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partner.code").value(code))
                .andExpect(jsonPath("$.partner.parentCode").value(master));
        mvc.perform(json(post("/api/v1/applications/" + id + "/approve"), "{}").with(as(admin)))
                .andExpect(status().isConflict());
        mvc.perform(json(post("/api/v1/applications/" + id + "/reject"), """
                        {"reason": "too late"}""").with(as(admin)))
                .andExpect(status().isConflict());
        mvc.perform(json(post("/api/v1/applications/999999999/approve"), "{}").with(as(admin)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(json(post("/api/v1/applications/999999999/reject"), """
                        {"reason": "spam"}""").with(as(admin)))
                .andExpect(status().isNotFound());
    }

    @Test
    void invalidApplicationsNameTheBadFieldsAndOneEmailHasOnePendingApplication() throws Exception {
        mvc.perform(json(post("/api/v1/applications"), """
                        {"name": " ", "email": "nope", "country": "XX", "channels": "%s", "expectedMonthlyLots": "-1"}"""
                        .formatted("c".repeat(501))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'country')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'channels')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'expectedMonthlyLots')]").exists());
        mvc.perform(json(post("/api/v1/applications"), """
                        {"name": "%s", "email": "long@apply.test", "country": "de", "channels": "web", "expectedMonthlyLots": "2000000"}"""
                        .formatted("n".repeat(201))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'expectedMonthlyLots')]").exists())
                .andExpect(jsonPath("$.errors[*].field", not(hasItem("country"))));
        mvc.perform(json(post("/api/v1/applications"), "{\"name\": \"x\", \"expectedMonthlyLots\": \"many\"}"))
                .andExpect(status().isBadRequest());

        PortalUser admin = fixtures.staff(Role.ADMIN);
        String tag = fixtures.unique("Twice");
        String email = tag.toLowerCase(Locale.ROOT) + "@apply.test";
        String id = apply("Twice " + tag, email);
        mvc.perform(json(post("/api/v1/applications"), body("Twice again", email.toUpperCase(Locale.ROOT))))
                .andExpect(status().isConflict());
        mvc.perform(json(post("/api/v1/applications/" + id + "/reject"), "{\"reason\": \" \"}").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(json(post("/api/v1/applications/" + id + "/reject"), "{}").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(json(post("/api/v1/applications/" + id + "/reject"), "{\"reason\": \"no website\"}").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.rejectReason").value("no website"))
                .andExpect(jsonPath("$.decidedBy").value(admin.email()));
        mvc.perform(get("/api/v1/applications?status=REJECTED").with(as(admin)))
                .andExpect(jsonPath("$[*].id", hasItem(Integer.parseInt(id))));
        // decided: the same email may apply again
        apply("Twice " + tag, email);
    }

    @Test
    void theQueueAndTheSettingAreForAdminsOnly() throws Exception {
        PortalUser ib = fixtures.ibWithLogin(fixtures.unique("QIB"), null);
        PortalUser finance = fixtures.staff(Role.FINANCE);
        String tag = fixtures.unique("Guard");
        String id = apply("Guard " + tag, tag.toLowerCase(Locale.ROOT) + "@apply.test");
        for (var request : java.util.List.of(get("/api/v1/applications"), json(post("/api/v1/applications/" + id + "/approve"), "{}"),
                json(post("/api/v1/applications/" + id + "/reject"), "{\"reason\": \"x\"}"), get("/api/v1/onboarding"),
                json(put("/api/v1/onboarding"), "{\"subIbApprovalRequired\": false}"))) {
            mvc.perform(request).andExpect(status().isUnauthorized());
            mvc.perform(request.with(as(ib))).andExpect(status().isForbidden());
            mvc.perform(request.with(as(finance))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/applications?status=NOPE").with(as(fixtures.staff(Role.ADMIN)))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/applications?status=PENDING").with(as(fixtures.staff(Role.ADMIN))))
                .andExpect(jsonPath("$[?(@.id == %s)].status".formatted(id)).value("PENDING"));
    }

    @Test
    void invitedSubIbsWaitForApprovalUnderTheInviterOrAreApprovedAtOnceWhenTheSettingSaysSo() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String inviter = fixtures.unique("INV");
        fixtures.partner(inviter, null);
        mvc.perform(get("/api/v1/onboarding").with(as(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.subIbApprovalRequired").value(true));
        mvc.perform(json(put("/api/v1/onboarding"), "{}").with(as(admin))).andExpect(status().isBadRequest());

        fixtures.signInAnonymously();
        String tag = fixtures.unique("Sub");
        ApplicationSummary waiting = onboarding.applyByInvitation(inviter, application("Sub " + tag, tag.toLowerCase(Locale.ROOT) + "@sub.test"));
        assertThat(waiting.status()).isEqualTo(ApplicationStatus.PENDING);
        assertThat(waiting.inviterCode()).isEqualTo(inviter);
        mvc.perform(json(post("/api/v1/applications/" + waiting.id() + "/approve"), "{}").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.application.inviterCode").value(inviter))
                .andExpect(jsonPath("$.partner.parentCode").value(inviter));

        try {
            mvc.perform(json(put("/api/v1/onboarding"), "{\"subIbApprovalRequired\": false}").with(as(admin)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.subIbApprovalRequired").value(false));
            fixtures.signInAnonymously();
            String tag2 = fixtures.unique("Auto");
            ApplicationSummary auto = onboarding.applyByInvitation(inviter, application("Auto " + tag2, tag2.toLowerCase(Locale.ROOT) + "@sub.test"));
            assertThat(auto.status()).isEqualTo(ApplicationStatus.APPROVED);
            assertThat(auto.decidedBy()).isEqualTo("system");
            mvc.perform(get("/api/v1/partners/" + auto.partnerCode()).with(as(admin)))
                    .andExpect(jsonPath("$.parentCode").value(inviter));
            // an email that already has a login would fail approval: it waits for an admin instead
            PortalUser existing = fixtures.staff(Role.FINANCE);
            fixtures.signInAnonymously();
            ApplicationSummary taken = onboarding.applyByInvitation(inviter, application("Taken", existing.email()));
            assertThat(taken.status()).isEqualTo(ApplicationStatus.PENDING);
            // a public application still waits
            fixtures.signInAnonymously();
            String tag3 = fixtures.unique("Pub");
            assertThat(onboarding.apply(application("Pub " + tag3, tag3.toLowerCase(Locale.ROOT) + "@pub.test")).status())
                    .isEqualTo(ApplicationStatus.PENDING);
        } finally {
            mvc.perform(json(put("/api/v1/onboarding"), "{\"subIbApprovalRequired\": true}").with(as(admin))).andExpect(status().isOk());
        }
    }

    @Test
    void anInvitationWorksOnlyFromAnActivePartnerThatMayRecruit() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String inviter = fixtures.unique("NOREC");
        fixtures.partner(inviter, null);
        fixtures.signInAnonymously();
        assertThat(onboarding.invitationFrom(inviter)).contains("Partner " + inviter);
        assertThat(onboarding.invitationFrom("NO-SUCH-IB")).isEmpty();

        mvc.perform(json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/v1/partners/" + inviter),
                "{\"mayRecruit\": false}").with(as(admin))).andExpect(status().isOk());
        fixtures.signInAnonymously();
        assertThat(onboarding.invitationFrom(inviter)).isEmpty();
        String tag = fixtures.unique("Refused");
        assertThatThrownBy(() -> onboarding.applyByInvitation(inviter, application("R " + tag, tag.toLowerCase(Locale.ROOT) + "@sub.test")))
                .isInstanceOf(NotFoundException.class);
    }

    private String apply(String name, String email) throws Exception {
        String body = mvc.perform(json(post("/api/v1/applications"), body(name, email)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn().getResponse().getContentAsString();
        return String.valueOf(JsonPath.<Integer>read(body, "$.id"));
    }

    private static String body(String name, String email) {
        return """
                {"name": "%s", "email": "%s", "country": "de", "channels": "https://fx-blog.test, YouTube", "expectedMonthlyLots": "250.5"}"""
                .formatted(name, email);
    }

    private static NewApplication application(String name, String email) {
        return new NewApplication(name, email, "GB", "Telegram channel", new BigDecimal("40"));
    }
}
