package com.ibportal.commissions;

import static com.ibportal.Fixtures.as;
import static com.ibportal.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.commissions.engine.PlanVersion;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's hot path: a whole upline's plan versions in at most three statements when nothing is cached
 * (assignments, version lists, documents) and none once warm; a change is seen at once after its commit,
 * and a rolled-back one never.
 */
@PortalIntegrationTest
class PlanVersionCacheTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    PlanService plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void signOut() {
        fixtures.signOut();
    }

    @Test
    void anUplineIsReadInAtMostThreeStatementsColdAndNoneWarm() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String planA = putPlan(admin);
        String planB = putPlan(admin);
        String g = fixtures.unique("G");
        String m = fixtures.unique("M");
        String s = fixtures.unique("S");
        fixtures.partner(g, null);
        fixtures.partner(m, g);
        fixtures.partner(s, m);
        fixtures.signIn(admin.email());
        plans.assign(g, planA, null);
        plans.assign(m, planB, null);
        plans.assign(s, planA, null);
        List<String> upline = List.of(s, m, g);
        Instant t = Instant.parse("2026-10-01T09:00:00Z");

        Counted<Map<String, PlanVersion>> cold = counted(() -> plans.planVersionsAt(upline, t));
        assertThat(cold.value()).containsOnlyKeys(s, m, g);
        assertThat(cold.value().get(m).planCode()).isEqualTo(planB);
        assertThat(cold.statements()).isLessThanOrEqualTo(3);
        Counted<Map<String, PlanVersion>> warm = counted(() -> plans.planVersionsAt(upline, t));
        assertThat(warm.value()).isEqualTo(cold.value());
        assertThat(warm.statements()).isZero();

        plans.assign(m, planA, Instant.parse("2026-09-01T00:00:00Z"));
        assertThat(plans.planVersionAt(m, t)).map(PlanVersion::planCode).contains(planA);
        assertThat(plans.planVersionAt(m, Instant.parse("2026-08-31T23:59:59Z"))).map(PlanVersion::planCode).contains(planB);

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            plans.assign(g, planB, null);
            assertThat(plans.planVersionAt(g, t)).map(PlanVersion::planCode).contains(planB);
            status.setRollbackOnly();
        });
        assertThat(plans.planVersionAt(g, t)).map(PlanVersion::planCode).contains(planA);
    }

    private String putPlan(PortalUser admin) throws Exception {
        String code = fixtures.unique("C");
        mvc.perform(json(put("/api/v1/plans/" + code), PlansApiTest.EXAMPLE).with(as(admin))).andExpect(status().isCreated());
        return code;
    }

    record Counted<T>(T value, long statements) {
    }

    /** Runs the call in one transaction (so on one connection) and counts the statements the server received for it. */
    private <T> Counted<T> counted(Supplier<T> call) {
        return new TransactionTemplate(transactions).execute(status -> {
            long calibration = questions();
            long before = questions();
            T value = call.get();
            long after = questions();
            return new Counted<>(value, after - before - (before - calibration));
        });
    }

    private long questions() {
        return jdbc.sql("SHOW SESSION STATUS LIKE 'Questions'").query((rs, row) -> rs.getLong(2)).single();
    }
}
