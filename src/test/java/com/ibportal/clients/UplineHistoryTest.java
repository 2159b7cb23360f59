package com.ibportal.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.partners.PartnerMoved;
import com.ibportal.partners.Upline;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import com.ibportal.security.SystemActor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

@PortalIntegrationTest
@RecordApplicationEvents
class UplineHistoryTest {

    private static final Instant REGISTERED = Instant.parse("2026-01-10T08:00:00Z");
    private static final Instant MOVED = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant REASSIGNED = Instant.parse("2026-05-01T00:00:00Z");
    private static final Duration TICK = Duration.ofNanos(1000);

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ClientService clients;
    @Autowired
    ApplicationEvents events;

    @Test
    void uplineFollowsAMoveAndAReassignmentFromTheirInstantsOn() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        // A > B > C > D, and X > Y elsewhere; the client registers with D's code.
        String a = fixtures.unique("A");
        String b = fixtures.unique("B");
        String c = fixtures.unique("C");
        String d = fixtures.unique("D");
        String x = fixtures.unique("X");
        String y = fixtures.unique("Y");
        fixtures.partner(a, null);
        fixtures.partner(b, a);
        fixtures.partner(c, b);
        fixtures.partner(d, c);
        fixtures.partner(x, null);
        fixtures.partner(y, x);
        String client = fixtures.unique("CL");
        fixtures.client(client, d, REGISTERED, null, null);

        assertThat(upline(client, REGISTERED.minus(TICK))).isEmpty();
        assertThat(upline(client, REGISTERED)).containsExactly(d, c, b, a);
        assertThat(uplineAt(client, REGISTERED).levels()).extracting(Upline.Level::depth).containsExactly(0, 1, 2, 3);

        // C (with D under it) moves under Y from MOVED.
        mvc.perform(post("/api/v1/partners/" + c + "/move").with(httpBasic(admin.email(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentCode\": \"%s\", \"effectiveFrom\": \"%s\"}".formatted(y, MOVED)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parentCode").value(y));
        assertThat(events.stream(PartnerMoved.class)).contains(new PartnerMoved(c, y, MOVED));

        assertThat(upline(client, REGISTERED)).containsExactly(d, c, b, a);
        assertThat(upline(client, MOVED.minus(TICK))).containsExactly(d, c, b, a);
        assertThat(upline(client, MOVED)).containsExactly(d, c, y, x);
        assertThat(upline(client, MOVED.plus(Duration.ofDays(1)))).containsExactly(d, c, y, x);
        assertThat(uplineAt(client, MOVED).levels()).extracting(Upline.Level::depth).containsExactly(0, 1, 2, 3);

        // The client goes to B from REASSIGNED.
        mvc.perform(post("/api/v1/clients/" + client + "/reassign").with(httpBasic(admin.email(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"partnerCode\": \"%s\", \"effectiveFrom\": \"%s\"}".formatted(b, REASSIGNED)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partnerCode").value(b));
        assertThat(events.stream(ClientReassigned.class)).contains(new ClientReassigned(client, d, b, REASSIGNED));

        assertThat(upline(client, MOVED)).containsExactly(d, c, y, x);
        assertThat(upline(client, REASSIGNED.minus(TICK))).containsExactly(d, c, y, x);
        assertThat(upline(client, REASSIGNED)).containsExactly(b, a);
        assertThat(upline(client, REASSIGNED.plus(Duration.ofDays(30)))).containsExactly(b, a);
        assertThat(upline(client, REGISTERED)).containsExactly(d, c, b, a);
    }

    @Test
    void reassignmentBeforeTheCurrentAttributionStartsIsAConflict() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String p = fixtures.unique("P");
        String q = fixtures.unique("Q");
        fixtures.partner(p, null);
        fixtures.partner(q, null);
        String client = fixtures.unique("CL");
        fixtures.client(client, p, REGISTERED, null, null);
        mvc.perform(post("/api/v1/clients/" + client + "/reassign").with(httpBasic(admin.email(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"partnerCode\": \"%s\", \"effectiveFrom\": \"%s\"}".formatted(q, REGISTERED)))
                .andExpect(status().isConflict());
        assertThat(upline(client, REGISTERED.plus(Duration.ofDays(1)))).containsExactly(p);
    }

    private List<String> upline(String client, Instant at) {
        return uplineAt(client, at).codes();
    }

    private Upline uplineAt(String client, Instant at) {
        return SystemActor.call(() -> clients.uplineAt(client, at));
    }
}
