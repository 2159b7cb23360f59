package com.ibportal.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static com.ibportal.Fixtures.as;
import static com.ibportal.Fixtures.json;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.program.Program;
import com.ibportal.program.ProgramService;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import com.ibportal.security.SystemActor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@PortalIntegrationTest
class ClientApiTest {

    private static final Instant REGISTERED = Instant.parse("2026-02-03T04:05:06Z");

    @Autowired
    ProgramService programs;
    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ClientService clients;

    @Test
    void ibReadsItsSubtreesClientsMaskedAndNobodyElses() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String master = fixtures.unique("M");
        fixtures.partner(master, null);
        String a = fixtures.unique("A");
        PortalUser ibA = fixtures.ibWithLogin(a, master);
        String a1 = fixtures.unique("A1");
        fixtures.partner(a1, a);
        String b = fixtures.unique("B");
        fixtures.ibWithLogin(b, master);
        String ofA1 = fixtures.unique("cl");
        fixtures.client(ofA1, a1, REGISTERED, REGISTERED.plusSeconds(3600), new BigDecimal("250.00"));
        String ofB = fixtures.unique("cl");
        fixtures.client(ofB, b, REGISTERED, null, null);
        String ofMaster = fixtures.unique("cl");
        fixtures.client(ofMaster, master, REGISTERED, null, null);

        mvc.perform(get("/api/v1/clients/" + ofA1).with(as(ibA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.externalId").value(ofA1))
                .andExpect(jsonPath("$.partnerCode").value(a1))
                .andExpect(jsonPath("$.kycStatus").value("APPROVED"))
                .andExpect(jsonPath("$.country").value("DE"))
                .andExpect(jsonPath("$.registeredAt").value("2026-02-03T04:05:06Z"))
                .andExpect(jsonPath("$.ftdAt").value("2026-02-03T05:05:06Z"))
                .andExpect(jsonPath("$.ftdAmount").value("250.0000"))
                .andExpect(jsonPath("$.email").value(ofA1.toLowerCase(Locale.ROOT).charAt(0) + "***@client.test"));
        for (String outside : new String[] {ofB, ofMaster, "no-such-client"}) {
            mvc.perform(get("/api/v1/clients/" + outside).with(as(ibA)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
        mvc.perform(get("/api/v1/clients/" + ofB).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(ofB.toLowerCase(Locale.ROOT) + "@client.test"));
    }

    @Test
    void unmatchedClientWaitsInTheQueueUntilAssignedFromItsRegistration() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String partner = fixtures.unique("P");
        fixtures.partner(partner, null);
        String client = fixtures.unique("cl");
        // Registered long ago so it sorts onto the first page of the shared database's queue.
        Instant registered = Instant.parse("1971-01-01T00:00:00Z");
        fixtures.client(client, fixtures.unique("UNKNOWN-CODE"), registered, null, null);

        mvc.perform(get("/api/v1/clients/unmatched?size=200").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].externalId").value(hasItem(client)));
        mvc.perform(get("/api/v1/clients/" + client).with(as(admin)))
                .andExpect(jsonPath("$.partnerCode").value(nullValue()));

        mvc.perform(json(post("/api/v1/clients/" + client + "/assign"), "{\"partnerCode\": \"%s\"}".formatted(partner)).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partnerCode").value(partner));
        assertThat(SystemActor.call(() -> clients.uplineAt(client, registered)).codes()).containsExactly(partner);
        mvc.perform(get("/api/v1/clients/unmatched?size=200").with(as(admin)))
                .andExpect(jsonPath("$.items[*].externalId").value(not(hasItem(client))));
        mvc.perform(json(post("/api/v1/clients/" + client + "/assign"), "{\"partnerCode\": \"%s\"}".formatted(partner)).with(as(admin)))
                .andExpect(status().isConflict());
    }

    @Test
    void onlyAdminsChangeAttributionAndBadBodiesNameTheField() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        PortalUser finance = fixtures.staff(Role.FINANCE);
        String p = fixtures.unique("P");
        PortalUser ib = fixtures.ibWithLogin(p, null);
        String q = fixtures.unique("Q");
        fixtures.partner(q, null);
        String client = fixtures.unique("cl");
        fixtures.client(client, p, REGISTERED, null, null);
        String reassign = "{\"partnerCode\": \"%s\", \"effectiveFrom\": \"2026-06-01T00:00:00Z\"}".formatted(q);

        mvc.perform(get("/api/v1/clients/" + client).with(as(finance))).andExpect(status().isOk());
        mvc.perform(json(post("/api/v1/clients/" + client + "/reassign"), reassign).with(as(finance)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(json(post("/api/v1/clients/" + client + "/reassign"), reassign).with(as(ib))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/clients/unmatched").with(as(finance))).andExpect(status().isForbidden());
        mvc.perform(json(post("/api/v1/clients/" + client + "/assign"), "{\"partnerCode\": \"%s\"}".formatted(q)).with(as(finance)))
                .andExpect(status().isForbidden());

        mvc.perform(json(post("/api/v1/clients/" + client + "/reassign"), "{\"partnerCode\": \"\"}").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'partnerCode')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'effectiveFrom')]").exists());
        mvc.perform(json(post("/api/v1/clients/" + client + "/reassign"),
                        "{\"partnerCode\": \"NO-SUCH-PARTNER\", \"effectiveFrom\": \"2026-06-01T00:00:00Z\"}").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("partnerCode"));
        mvc.perform(json(post("/api/v1/clients/" + client + "/reassign"), "{\"effectiveFrom\": \"not-a-date\"}").with(as(admin)))
                .andExpect(status().isBadRequest());
        mvc.perform(json(post("/api/v1/clients/no-such-client/reassign"), reassign).with(as(admin)))
                .andExpect(status().isNotFound());

        mvc.perform(json(post("/api/v1/clients/" + client + "/reassign"), reassign).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partnerCode").value(q));
        // The IB no longer sees the client it lost.
        mvc.perform(get("/api/v1/clients/" + client).with(as(ib))).andExpect(status().isNotFound());
    }

    @Test
    void subtreeClientCountCoversTheWholeCurrentSubtree() {
        String m = fixtures.unique("M");
        fixtures.partner(m, null);
        String s = fixtures.unique("S");
        fixtures.partner(s, m);
        fixtures.client(fixtures.unique("cl"), m, REGISTERED, null, null);
        fixtures.client(fixtures.unique("cl"), s, REGISTERED, null, null);
        fixtures.client(fixtures.unique("cl"), s, REGISTERED, null, null);
        assertThat(SystemActor.call(() -> clients.subtreeClientCount(m))).isEqualTo(3);
        assertThat(SystemActor.call(() -> clients.subtreeClientCount(s))).isEqualTo(2);
    }

    @Test
    void emailsAreMaskedToTheirFirstLetterAndDomain() {
        assertThat(ClientDetails.maskEmail("john.doe@gmail.com")).isEqualTo("j***@gmail.com");
        assertThat(ClientDetails.maskEmail("broken")).isEqualTo("***");
        assertThat(ClientDetails.maskEmail(null)).isNull();
    }


    @Test
    void ibSeesTheFullEmailWhenTheAdminTurnsMaskingOff() throws Exception {
        String partner = fixtures.unique("PII");
        PortalUser ib = fixtures.ibWithLogin(partner, null);
        String client = fixtures.unique("cl");
        fixtures.client(client, partner, REGISTERED, null, null);
        Program before = SystemActor.call(programs::program);
        try {
            SystemActor.run(() -> programs.change(new Program(before.brokerName(), before.registrationUrl(),
                    before.payoutCurrency(), before.minimumPayout(), false)));
            mvc.perform(get("/api/v1/clients/" + client).with(as(ib)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.email").value(client.toLowerCase(Locale.ROOT) + "@client.test"));
        } finally {
            SystemActor.run(() -> programs.change(before));
        }
    }
}
