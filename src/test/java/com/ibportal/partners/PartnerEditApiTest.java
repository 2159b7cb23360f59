package com.ibportal.partners;

import static com.ibportal.Fixtures.as;
import static com.ibportal.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.security.ApiTokenService;
import com.ibportal.security.AuditRecord;
import com.ibportal.security.AuditTrail;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import com.ibportal.security.SystemActor;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

@PortalIntegrationTest
@RecordApplicationEvents
class PartnerEditApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    AuditTrail audit;
    @Autowired
    ApplicationEvents events;

    @Test
    void adminRenamesAndChangesTheEmailAndTheLoginFollowsIt() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String code = fixtures.unique("ED");
        PortalUser ib = fixtures.ibWithLogin(code, null);
        String newEmail = code.toLowerCase(Locale.ROOT) + "@renamed.test";
        mvc.perform(json(patch("/api/v1/partners/" + code), """
                        {"name": "Renamed Ltd", "email": "%s"}""".formatted(newEmail)).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Renamed Ltd"))
                .andExpect(jsonPath("$.email").value(newEmail))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.mayRecruit").value(true));
        mvc.perform(get("/api/v1/partners/" + code).with(as(ib))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/partners/" + code).with(httpBasic(newEmail, Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Renamed Ltd"));
        assertThat(audit(code)).anySatisfy(r -> assertThat(r.detail()).contains("Renamed Ltd").contains(newEmail));
    }

    @Test
    void theEmailStaysUniqueAndBadEditsNameTheField() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String code = fixtures.unique("UQ");
        String other = fixtures.unique("UQO");
        fixtures.partner(code, null);
        fixtures.partner(other, null);
        mvc.perform(json(patch("/api/v1/partners/" + code), """
                        {"email": "%s"}""".formatted(other.toUpperCase(Locale.ROOT) + "@IB.TEST")).with(as(admin)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        // another login (not a partner) already signs in with the email: also a conflict
        PortalUser staff = fixtures.staff(Role.FINANCE);
        fixtures.ibWithLogin(code + "-L", null);
        mvc.perform(json(patch("/api/v1/partners/" + code + "-L"), """
                        {"email": "%s"}""".formatted(staff.email())).with(as(admin)))
                .andExpect(status().isConflict());
        mvc.perform(json(patch("/api/v1/partners/" + code), """
                        {"email": "not-an-email", "name": " "}""").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists());
        mvc.perform(json(patch("/api/v1/partners/" + code), "{\"status\": \"GONE\"}").with(as(admin)))
                .andExpect(status().isBadRequest());
        mvc.perform(json(patch("/api/v1/partners/NO-SUCH-PARTNER"), "{\"name\": \"x\"}").with(as(admin)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/partners/" + code).with(as(admin)))
                .andExpect(jsonPath("$.email").value(code.toLowerCase(Locale.ROOT) + "@ib.test"));
    }

    @Test
    void onlyAnAdminEdits() throws Exception {
        String code = fixtures.unique("OA");
        PortalUser ib = fixtures.ibWithLogin(code, null);
        PortalUser finance = fixtures.staff(Role.FINANCE);
        var request = json(patch("/api/v1/partners/" + code), "{\"name\": \"Mine now\"}");
        mvc.perform(request).andExpect(status().isUnauthorized());
        mvc.perform(request.with(as(ib))).andExpect(status().isForbidden());
        mvc.perform(request.with(as(finance))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/partners/" + code).with(as(ib))).andExpect(jsonPath("$.name").value("Partner " + code));
    }

    @Test
    void suspensionLocksTheLoginOutOfSignInAndApiButReferralLinksKeepAttributing() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String code = fixtures.unique("SUS");
        PortalUser ib = fixtures.ibWithLogin(code, null);
        String token = SystemActor.call(() -> tokens.issue(ib.email(), "script"));
        mvc.perform(get("/api/v1/partners/" + code).header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        mvc.perform(json(patch("/api/v1/partners/" + code), "{\"status\": \"SUSPENDED\", \"mayRecruit\": false}").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.mayRecruit").value(false));
        assertThat(events.stream(PartnerSuspended.class).filter(e -> e.code().equals(code))).hasSize(1);
        mvc.perform(get("/api/v1/partners/" + code).with(as(ib))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/partners/" + code).header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        mvc.perform(get("/r/" + code)).andExpect(status().isFound())
                .andExpect(header().string("Location", containsString("ref=" + code)));
        mvc.perform(get("/api/v1/partners/" + code).with(as(admin)))
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.mayRecruit").value(false));

        mvc.perform(json(patch("/api/v1/partners/" + code), "{\"status\": \"SUSPENDED\"}").with(as(admin))).andExpect(status().isOk());
        assertThat(events.stream(PartnerSuspended.class).filter(e -> e.code().equals(code))).as("no change, no event").hasSize(1);

        mvc.perform(json(patch("/api/v1/partners/" + code), "{\"status\": \"ACTIVE\"}").with(as(admin))).andExpect(status().isOk());
        assertThat(events.stream(PartnerReactivated.class).filter(e -> e.code().equals(code))).hasSize(1);
        mvc.perform(get("/api/v1/partners/" + code).with(as(ib))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/partners/" + code).header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        assertThat(audit(code)).extracting(AuditRecord::detail)
                .anySatisfy(d -> assertThat(d).contains("status ACTIVE -> SUSPENDED").contains("may recruit true -> false"))
                .anySatisfy(d -> assertThat(d).contains("status SUSPENDED -> ACTIVE"));
        assertThat(audit(ib.email())).extracting(AuditRecord::action).contains("USER_DISABLED", "USER_ENABLED");
    }

    private java.util.List<AuditRecord> audit(String target) {
        return SystemActor.call(() -> audit.latest(500)).stream().filter(r -> target.equals(r.target())).toList();
    }
}
