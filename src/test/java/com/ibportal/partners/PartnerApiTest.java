package com.ibportal.partners;

import static com.ibportal.Fixtures.as;
import static com.ibportal.Fixtures.json;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@PortalIntegrationTest
class PartnerApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void adminCreatesPartnerWithItsLoginAndTheIbCanSignIn() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String master = fixtures.unique("M");
        fixtures.partner(master, null);
        String code = fixtures.unique("NEW");
        String email = code.toLowerCase(Locale.ROOT) + "@ib.test";
        String body = """
                {"code": "%s", "name": "New IB", "email": "%s", "parentCode": "%s", "password": "long-enough-pw"}"""
                .formatted(code, email, master);
        mvc.perform(json(post("/api/v1/partners"), body).with(as(admin)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.name").value("New IB"))
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.parentCode").value(master))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.planCode").value(nullValue()))
                .andExpect(jsonPath("$.createdAt").value(containsString("Z")));
        mvc.perform(get("/api/v1/partners/" + code).with(httpBasic(email, "long-enough-pw")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(code));
        mvc.perform(json(post("/api/v1/partners"), body).with(as(admin)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void invalidPartnerNamesTheBadFields() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        mvc.perform(json(post("/api/v1/partners"), """
                        {"code": "has space", "name": "", "email": "nope", "password": "short"}""").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[?(@.field == 'code')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'password')]").exists());
        mvc.perform(json(post("/api/v1/partners"), """
                        {"code": "%s", "name": "X", "email": "x@ib.test", "parentCode": "NO-SUCH-PARENT"}"""
                        .formatted(fixtures.unique("P"))).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentCode"));
        mvc.perform(get("/api/v1/partners?size=0").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void ibSeesItsOwnSubtreeOnlyAndEverythingElseIsNotFound() throws Exception {
        String master = fixtures.unique("M");
        fixtures.partner(master, null);
        String a = fixtures.unique("A");
        PortalUser ibA = fixtures.ibWithLogin(a, master);
        String a1 = fixtures.unique("A1");
        fixtures.partner(a1, a);
        String b = fixtures.unique("B");
        fixtures.ibWithLogin(b, master);

        mvc.perform(get("/api/v1/partners/" + a1).with(as(ibA))).andExpect(status().isOk())
                .andExpect(jsonPath("$.parentCode").value(a));
        for (String outside : new String[] {b, master, "NO-SUCH-PARTNER"}) {
            mvc.perform(get("/api/v1/partners/" + outside).with(as(ibA)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
        mvc.perform(get("/api/v1/partners/" + master + "/children").with(as(ibA))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/partners/" + a + "/children").with(as(ibA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(containsInAnyOrder(a1)));
        mvc.perform(get("/api/v1/partners").with(as(ibA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[*].code").value(containsInAnyOrder(a, a1)));
    }

    @Test
    void adminAndFinanceReadAnyPartnerButOnlyAdminMoves() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        PortalUser finance = fixtures.staff(Role.FINANCE);
        String master = fixtures.unique("M");
        fixtures.partner(master, null);
        String a = fixtures.unique("A");
        fixtures.partner(a, master);
        String b = fixtures.unique("B");
        fixtures.partner(b, null);

        mvc.perform(get("/api/v1/partners/" + a).with(as(finance))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/partners/" + master + "/children").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(containsInAnyOrder(a)));
        mvc.perform(get("/api/v1/partners?page=0&size=1").with(as(finance)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.size").value(1));
        String move = """
                {"parentCode": "%s", "effectiveFrom": "2026-03-01T00:00:00Z"}""".formatted(b);
        mvc.perform(json(post("/api/v1/partners/" + a + "/move"), move).with(as(finance))).andExpect(status().isForbidden());
        mvc.perform(json(post("/api/v1/partners/" + a + "/move"), move).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parentCode").value(b));
        mvc.perform(get("/api/v1/partners/" + b + "/children").with(as(admin)))
                .andExpect(jsonPath("$[*].code").value(containsInAnyOrder(a)));
    }

    @Test
    void moveUnderItselfOrItsOwnDescendantIsAConflict() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String a = fixtures.unique("A");
        fixtures.partner(a, null);
        String b = fixtures.unique("B");
        fixtures.partner(b, a);
        String c = fixtures.unique("C");
        fixtures.partner(c, b);
        for (String target : new String[] {a, c}) {
            mvc.perform(json(post("/api/v1/partners/" + a + "/move"), """
                            {"parentCode": "%s", "effectiveFrom": "2026-03-01T00:00:00Z"}""".formatted(target)).with(as(admin)))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.detail").value(containsString("Cannot move " + a)));
        }
        mvc.perform(get("/api/v1/partners/" + a).with(as(admin))).andExpect(jsonPath("$.parentCode").value(nullValue()));
    }

    @Test
    void moveBeforeALaterMoveIsAConflictAndBadMovesNameTheField() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String x = fixtures.unique("X");
        fixtures.partner(x, null);
        String y = fixtures.unique("Y");
        fixtures.partner(y, null);
        String a = fixtures.unique("A");
        fixtures.partner(a, x);
        mvc.perform(json(post("/api/v1/partners/" + a + "/move"), """
                        {"parentCode": "%s", "effectiveFrom": "2026-05-01T00:00:00Z"}""".formatted(y)).with(as(admin)))
                .andExpect(status().isOk());
        mvc.perform(json(post("/api/v1/partners/" + a + "/move"), """
                        {"parentCode": "%s", "effectiveFrom": "2026-04-01T00:00:00Z"}""".formatted(x)).with(as(admin)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("a later move already exists")));
        mvc.perform(json(post("/api/v1/partners/" + a + "/move"), """
                        {"parentCode": "%s"}""".formatted(x)).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("effectiveFrom"));
        mvc.perform(json(post("/api/v1/partners/" + a + "/move"), """
                        {"parentCode": "NO-SUCH-PARENT", "effectiveFrom": "2026-06-01T00:00:00Z"}""").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentCode"));
        mvc.perform(json(post("/api/v1/partners/NO-SUCH-PARTNER/move"), """
                        {"parentCode": "%s", "effectiveFrom": "2026-06-01T00:00:00Z"}""".formatted(x)).with(as(admin)))
                .andExpect(status().isNotFound());
    }

}
