package com.ibportal.commissions;

import static com.ibportal.Fixtures.as;
import static com.ibportal.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.commissions.engine.PlanVersion;
import com.ibportal.commissions.engine.Rule;
import com.ibportal.partners.PartnerCreated;
import com.ibportal.program.Program;
import com.ibportal.program.ProgramService;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import com.ibportal.security.SystemActor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

@PortalIntegrationTest
@RecordApplicationEvents
class PartnerPlanTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    PlanService plans;
    @Autowired
    ProgramService program;
    @Autowired
    ApplicationEvents events;

    @Test
    void aPartnerCreatedWithAPlanHasItFromTheBeginningOfTime() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String plan = putPlan(admin, "10.00");
        String code = fixtures.unique("WITH");
        mvc.perform(json(post("/api/v1/partners"), """
                        {"code": "%s", "name": "With plan", "email": "%s@ib.test", "planCode": "%s"}"""
                        .formatted(code, code.toLowerCase(), plan)).with(as(admin)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.planCode").value(plan));
        mvc.perform(get("/api/v1/partners/" + code).with(as(admin)))
                .andExpect(jsonPath("$.planCode").value(plan));
        mvc.perform(get("/api/v1/partners/" + code + "/plan").with(as(admin)))
                .andExpect(jsonPath("$.assignments[0].planCode").value(plan))
                .andExpect(jsonPath("$.assignments[0].effectiveFrom").value("1970-01-01T00:00:00Z"));
        assertThat(SystemActor.call(() -> plans.planVersionAt(code, Instant.parse("2000-01-01T00:00:00Z"))))
                .map(PlanVersion::planCode).contains(plan);
    }

    @Test
    void anUnknownPlanCodeFailsTheCreateAndLeavesNoPartner() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String code = fixtures.unique("BADPLAN");
        mvc.perform(json(post("/api/v1/partners"), """
                        {"code": "%s", "name": "Bad plan", "email": "%s@ib.test", "planCode": "NO-SUCH-PLAN"}"""
                        .formatted(code, code.toLowerCase())).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("planCode"));
        mvc.perform(get("/api/v1/partners/" + code).with(as(admin))).andExpect(status().isNotFound());
    }

    @Test
    void aPartnerCreatedWithoutAPlanGetsTheProgramsDefaultPlan() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String plan = putPlan(admin, "10.00");
        Program before = SystemActor.call(program::program);
        try {
            mvc.perform(json(put("/api/v1/program"), programJson(before, "NO-SUCH-PLAN")).with(as(admin)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("defaultPlanCode"));
            mvc.perform(json(put("/api/v1/program"), programJson(before, plan)).with(as(admin)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.defaultPlanCode").value(plan));
            String code = fixtures.unique("DEF");
            fixtures.partner(code, null);
            mvc.perform(get("/api/v1/partners/" + code).with(as(admin)))
                    .andExpect(jsonPath("$.planCode").value(plan));
        } finally {
            SystemActor.run(() -> program.change(before));
        }
        String without = fixtures.unique("NONE");
        fixtures.partner(without, null);
        mvc.perform(get("/api/v1/partners/" + without).with(as(admin)))
                .andExpect(jsonPath("$.planCode").value(nullValue()));
    }

    @Test
    void planVersionsAtPicksTheAssignmentAndVersionInForceAtEachInstant() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String early = putPlan(admin, "10.00");
        String late = putPlan(admin, "20.00");
        String master = fixtures.unique("M");
        String sub = fixtures.unique("S");
        String planless = fixtures.unique("N");
        fixtures.partner(master, null);
        fixtures.partner(sub, master);
        fixtures.partner(planless, master);
        Instant switchAt = Instant.parse("2026-03-01T00:00:00Z");
        SystemActor.run(() -> {
            plans.assign(master, early, null);
            plans.assign(sub, early, null);
            plans.assign(sub, late, switchAt);
        });
        Instant before = switchAt.minusNanos(1000);

        Map<String, PlanVersion> atBefore = SystemActor.call(() -> plans.planVersionsAt(List.of(master, sub, planless), before));
        assertThat(atBefore).containsOnlyKeys(master, sub);
        assertThat(atBefore.get(sub).planCode()).isEqualTo(early);
        assertThat(perLotRate(atBefore.get(sub))).isEqualByComparingTo("10.00");
        Map<String, PlanVersion> atSwitch = SystemActor.call(() -> plans.planVersionsAt(List.of(master, sub, planless), switchAt));
        assertThat(atSwitch.get(sub).planCode()).isEqualTo(late);
        assertThat(atSwitch.get(master).planCode()).isEqualTo(early);

        // A new version applies from the instant it is made; events before it keep version 1.
        Instant beforeVersion2 = Instant.now();
        mvc.perform(json(put("/api/v1/plans/" + early), plan("12.00")).with(as(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        PlanVersion nowVersion = SystemActor.call(() -> plans.planVersionAt(master, Instant.now().plusSeconds(1))).orElseThrow();
        assertThat(nowVersion.version()).isEqualTo(2);
        assertThat(perLotRate(nowVersion)).isEqualByComparingTo("12.00");
        PlanVersion oldVersion = SystemActor.call(() -> plans.planVersionAt(master, beforeVersion2.minusSeconds(1))).orElseThrow();
        assertThat(oldVersion.version()).isEqualTo(1);
        assertThat(perLotRate(oldVersion)).isEqualByComparingTo("10.00");

        // An undated assignment replaces the whole history from the beginning of time.
        SystemActor.run(() -> plans.assign(sub, early, null));
        assertThat(SystemActor.call(() -> plans.planVersionAt(sub, switchAt.plusSeconds(86_400))))
                .map(PlanVersion::planCode).contains(early);
        assertThat(SystemActor.call(() -> plans.history(sub)).assignments()).hasSize(3);
        assertThat(SystemActor.call(() -> plans.planVersionAt(planless, switchAt))).isEmpty();
    }

    @Test
    void creatingAndAssigningPublishPastTenseEvents() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String plan = putPlan(admin, "10.00");
        String partner = fixtures.unique("EV");
        fixtures.partner(partner, null);
        assertThat(events.stream(PartnerCreated.class)).contains(new PartnerCreated(partner, null));
        Instant from = Instant.parse("2026-05-01T00:00:00Z");
        SystemActor.run(() -> plans.assign(partner, plan, from));
        assertThat(events.stream(PartnerPlanAssigned.class)).contains(new PartnerPlanAssigned(partner, plan, from));
    }

    private String putPlan(PortalUser admin, String fxRate) throws Exception {
        String code = fixtures.unique("PLAN");
        mvc.perform(json(put("/api/v1/plans/" + code), plan(fxRate)).with(as(admin))).andExpect(status().isCreated());
        return code;
    }

    private static String plan(String fxRate) {
        return """
                {"name": "Simple", "payoutCurrency": "USD", "symbolGroups": [{"name": "FX", "symbols": ["EUR*"]}],
                 "rules": [{"kind": "PER_LOT", "rates": {"FX": "%s"}}]}""".formatted(fxRate);
    }

    private static BigDecimal perLotRate(PlanVersion version) {
        return version.rules().stream().filter(Rule.PerLot.class::isInstance).map(Rule.PerLot.class::cast)
                .findFirst().orElseThrow().rates().get("FX");
    }

    private static String programJson(Program p, String defaultPlanCode) {
        return """
                {"brokerName": "%s", "registrationUrl": "%s", "payoutCurrency": "%s", "minimumPayout": "%s",
                 "maskClientPii": %s, "defaultPlanCode": "%s"}""".formatted(p.brokerName(), p.registrationUrl(),
                p.payoutCurrency(), p.minimumPayout().toPlainString(), p.maskClientPii(), defaultPlanCode);
    }
}
