package com.ibportal.commissions;

import static com.ibportal.Fixtures.as;
import static com.ibportal.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PortalIntegrationTest
class PlansApiTest {

    /** The example plan of api-contract.md, verbatim. */
    static final String EXAMPLE = """
            {"name": "Standard", "payoutCurrency": "USD",
             "symbolGroups": [{"name": "FX_MAJORS", "symbols": ["EURUSD", "GBPUSD", "USDJPY"]},
                              {"name": "METALS", "symbols": ["XAU*", "XAG*"]}],
             "rules": [
               {"kind": "CPA", "amount": "200.00", "minDeposit": "100.00", "minLots": "1.0", "windowDays": 30},
               {"kind": "PER_LOT", "rates": {"FX_MAJORS": "10.00", "METALS": "15.00"}, "minHoldSeconds": 60},
               {"kind": "SPREAD_SHARE", "percent": "30"},
               {"kind": "REVENUE_SHARE", "percent": "25", "carryForwardLosses": true},
               {"kind": "TIERED_PER_LOT", "mode": "PROGRESSIVE",
                "tiers": [{"fromLots": "0", "rate": "5.00"}, {"fromLots": "100", "rate": "7.00"}]},
               {"kind": "OVERRIDE", "mode": "RATE_DIFFERENCE", "maxDepth": 3},
               {"kind": "OVERRIDE", "mode": "PERCENT_OF_DOWNLINE", "percents": ["20", "5"]},
               {"kind": "OVERRIDE", "mode": "PER_LOT_PER_LEVEL", "rates": ["1.00", "0.50"]}]}""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void theContractsExamplePlanRoundTripsExactlyWithDecimalsAsStrings() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String code = fixtures.unique("STD");
        String created = mvc.perform(json(put("/api/v1/plans/" + code), EXAMPLE).with(as(admin)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.name").value("Standard"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.effectiveFrom").value("1970-01-01T00:00:00Z"))
                .andExpect(jsonPath("$.createdBy").value(admin.email()))
                .andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(created).get("document")).isEqualTo(JSON.readTree(EXAMPLE));

        String read = mvc.perform(get("/api/v1/plans/" + code).with(as(fixtures.staff(Role.FINANCE))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.versions", hasSize(1)))
                .andExpect(jsonPath("$.current.version").value(1))
                .andExpect(jsonPath("$.current.document.rules[0].amount").value("200.00"))
                .andExpect(jsonPath("$.current.document.rules[1].rates.METALS").value("15.00"))
                .andReturn().getResponse().getContentAsString();
        JsonNode plan = JSON.readTree(read);
        assertThat(plan.get("versions").get(0).get("document")).isEqualTo(JSON.readTree(EXAMPLE));
        assertThat(plan.get("current").get("document")).isEqualTo(JSON.readTree(EXAMPLE));

        mvc.perform(get("/api/v1/plans").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == '%s')].currentVersion".formatted(code)).value(1))
                .andExpect(jsonPath("$[?(@.code == '%s')].payoutCurrency".formatted(code)).value("USD"));
    }

    @Test
    void numbersAreAcceptedForDecimalsAndKeptExact() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String code = fixtures.unique("NUM");
        mvc.perform(json(put("/api/v1/plans/" + code), """
                        {"name": "Numbers", "payoutCurrency": "EUR",
                         "symbolGroups": [{"name": "ALL", "symbols": ["*"]}],
                         "rules": [{"kind": "PER_LOT", "rates": {"ALL": 0.1}},
                                   {"kind": "SPREAD_SHARE", "percent": 12.5},
                                   {"kind": "CPA", "amount": 200.00, "minDeposit": 100, "windowDays": 30}]}""").with(as(admin)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.document.rules[0].rates.ALL").value("0.1"))
                .andExpect(jsonPath("$.document.rules[1].percent").value("12.5"))
                .andExpect(jsonPath("$.document.rules[2].amount").value("200.00"))
                .andExpect(jsonPath("$.document.rules[2].minDeposit").value("100"))
                .andExpect(jsonPath("$.document.rules[2].windowDays").value(30));
    }

    @Test
    void theOpenApiDocumentListsThePlanAndFxEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/plans/{code}'].put").exists())
                .andExpect(jsonPath("$.paths['/api/v1/plans/{code}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/plans'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/partners/{code}/plan'].put").exists())
                .andExpect(jsonPath("$.paths['/api/v1/fx-rates'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/fx-rates'].get").exists());
    }

    @Test
    void secondPutMakesVersionTwoAnIdenticalPutMakesNothingAndOldVersionsStayReadable() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String code = fixtures.unique("VER");
        mvc.perform(json(put("/api/v1/plans/" + code), EXAMPLE).with(as(admin))).andExpect(status().isCreated());
        mvc.perform(json(put("/api/v1/plans/" + code), EXAMPLE).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        String changed = EXAMPLE.replace("\"Standard\"", "\"Standard 2\"").replace("\"10.00\"", "\"11.00\"");
        mvc.perform(json(put("/api/v1/plans/" + code), changed).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.name").value("Standard 2"))
                .andExpect(jsonPath("$.document.rules[1].rates.FX_MAJORS").value("11.00"));
        mvc.perform(json(put("/api/v1/plans/" + code), changed).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(get("/api/v1/plans/" + code).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Standard 2"))
                .andExpect(jsonPath("$.versions", hasSize(2)))
                .andExpect(jsonPath("$.versions[0].version").value(1))
                .andExpect(jsonPath("$.versions[0].document.rules[1].rates.FX_MAJORS").value("10.00"))
                .andExpect(jsonPath("$.versions[0].effectiveFrom").value("1970-01-01T00:00:00Z"))
                .andExpect(jsonPath("$.versions[1].version").value(2))
                .andExpect(jsonPath("$.current.version").value(2));
    }

    @Test
    void aFutureDatedVersionIsNotCurrentUntilItStartsAndPastDatesAreRefused() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String code = fixtures.unique("FUT");
        mvc.perform(json(put("/api/v1/plans/" + code), EXAMPLE).with(as(admin))).andExpect(status().isCreated());
        String changed = EXAMPLE.replace("\"10.00\"", "\"12.00\"");
        mvc.perform(json(put("/api/v1/plans/" + code + "?effectiveFrom=2020-01-01T00:00:00Z"), changed).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("effectiveFrom"));
        mvc.perform(json(put("/api/v1/plans/" + code + "?effectiveFrom=2999-01-01T00:00:00Z"), changed).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.effectiveFrom").value("2999-01-01T00:00:00Z"));
        mvc.perform(get("/api/v1/plans/" + code).with(as(admin)))
                .andExpect(jsonPath("$.current.version").value(1))
                .andExpect(jsonPath("$.versions", hasSize(2)));
        // Effective now would come before version 2's start.
        mvc.perform(json(put("/api/v1/plans/" + code), EXAMPLE.replace("\"10.00\"", "\"13.00\"")).with(as(admin)))
                .andExpect(status().isConflict());
    }

    @Test
    void validatorViolationsNameTheFields() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        expectErrors(admin, """
                {"name": "Bad", "payoutCurrency": "USD",
                 "symbolGroups": [{"name": "FX", "symbols": ["EURUSD"]}],
                 "rules": [{"kind": "CPA", "amount": "0", "minDeposit": "-1"},
                           {"kind": "PER_LOT", "rates": {"FX": "1.00", "METALS": "2.00"}},
                           {"kind": "SPREAD_SHARE", "percent": "101"},
                           {"kind": "TIERED_PER_LOT", "mode": "RETROACTIVE",
                            "tiers": [{"fromLots": "1", "rate": "5"}, {"fromLots": "0", "rate": "-1"}]},
                           {"kind": "OVERRIDE", "mode": "PERCENT_OF_DOWNLINE"},
                           {"kind": "PER_LOT", "rates": {"FX": null}}]}""",
                "rules[0].amount", "rules[0].minDeposit", "rules[1].rates.METALS", "rules[2].percent",
                "rules[3].tiers[0].fromLots", "rules[3].tiers[1].fromLots", "rules[3].tiers[1].rate",
                "rules[4].percents", "rules[5].kind", "rules[5].rates.FX");
        expectErrors(admin, """
                {"name": "", "payoutCurrency": "usd", "rules": []}""", "name", "payoutCurrency", "rules");
    }

    @Test
    void wrongJsonTypesAndUnknownKindsNameTheFields() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        expectErrors(admin, """
                {"name": 5, "payoutCurrency": ["USD"],
                 "symbolGroups": [{"name": "FX", "symbols": "EURUSD"}, "METALS"],
                 "rules": [{"kind": "CPA", "amount": true, "minDeposit": "ten", "windowDays": "30"},
                           {"kind": "PER_LOT", "rates": {"FX": {"x": 1}}, "minHoldSeconds": 1.5},
                           {"kind": "BONUS", "amount": "1"},
                           {"amount": "1"},
                           {"kind": "REVENUE_SHARE", "percent": "25", "carryForwardLosses": "yes", "typo": 1},
                           null]}""",
                "name", "payoutCurrency", "symbolGroups[0].symbols", "symbolGroups[1]", "rules[0].amount",
                "rules[0].minDeposit", "rules[0].windowDays", "rules[1].rates.FX", "rules[1].minHoldSeconds",
                "rules[2].kind", "rules[3].kind", "rules[4].carryForwardLosses", "rules[4].typo", "rules[5]");
        mvc.perform(json(put("/api/v1/plans/" + fixtures.unique("A")), "[1, 2]").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(json(put("/api/v1/plans/" + fixtures.unique("A")), "{not json").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(json(put("/api/v1/plans/bad code!"), EXAMPLE).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
    }

    @Test
    void ibsCannotWritePlansAndReadOnlyTheirOwn() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String own = fixtures.unique("OWN");
        String other = fixtures.unique("OTHER");
        mvc.perform(json(put("/api/v1/plans/" + own), EXAMPLE).with(as(admin))).andExpect(status().isCreated());
        mvc.perform(json(put("/api/v1/plans/" + other), EXAMPLE).with(as(admin))).andExpect(status().isCreated());
        String partner = fixtures.unique("IB");
        PortalUser ib = fixtures.ibWithLogin(partner, null);
        mvc.perform(json(put("/api/v1/partners/" + partner + "/plan"), """
                {"planCode": "%s"}""".formatted(own)).with(as(admin))).andExpect(status().isOk());

        mvc.perform(json(put("/api/v1/plans/" + own), EXAMPLE).with(as(ib))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/plans/" + own).with(as(ib))).andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(own));
        mvc.perform(get("/api/v1/plans/" + other).with(as(ib))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/plans/NO-SUCH-PLAN").with(as(ib))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/plans").with(as(ib))).andExpect(status().isForbidden());
        mvc.perform(json(put("/api/v1/partners/" + partner + "/plan"), """
                {"planCode": "%s"}""".formatted(other)).with(as(ib))).andExpect(status().isForbidden());
    }

    @Test
    void assignmentsKeepTheirHistoryAndIbsSeeTheirSubtreeOnly() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String first = fixtures.unique("P1");
        String second = fixtures.unique("P2");
        mvc.perform(json(put("/api/v1/plans/" + first), EXAMPLE).with(as(admin))).andExpect(status().isCreated());
        mvc.perform(json(put("/api/v1/plans/" + second), EXAMPLE).with(as(admin))).andExpect(status().isCreated());
        String master = fixtures.unique("M");
        PortalUser ib = fixtures.ibWithLogin(master, null);
        String sub = fixtures.unique("S");
        fixtures.partner(sub, master);
        String stranger = fixtures.unique("X");
        fixtures.partner(stranger, null);

        mvc.perform(json(put("/api/v1/partners/" + sub + "/plan"), """
                {"planCode": "%s"}""".formatted(first)).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.currentPlanCode").value(first));
        mvc.perform(json(put("/api/v1/partners/" + sub + "/plan"), """
                {"planCode": "%s", "effectiveFrom": "2026-03-01T00:00:00Z"}""".formatted(second)).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.currentPlanCode").value(second))
                .andExpect(jsonPath("$.assignments", hasSize(2)))
                .andExpect(jsonPath("$.assignments[0].planCode").value(first))
                .andExpect(jsonPath("$.assignments[0].effectiveFrom").value("1970-01-01T00:00:00Z"))
                .andExpect(jsonPath("$.assignments[1].effectiveFrom").value("2026-03-01T00:00:00Z"));
        mvc.perform(get("/api/v1/partners/" + sub).with(as(admin)))
                .andExpect(jsonPath("$.planCode").value(second));

        mvc.perform(get("/api/v1/partners/" + sub + "/plan").with(as(ib)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.currentPlanCode").value(second));
        mvc.perform(get("/api/v1/partners/" + stranger + "/plan").with(as(ib))).andExpect(status().isNotFound());

        mvc.perform(json(put("/api/v1/partners/" + sub + "/plan"), """
                {"planCode": "NO-SUCH-PLAN"}""").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("planCode"));
        mvc.perform(json(put("/api/v1/partners/NO-SUCH-PARTNER/plan"), """
                {"planCode": "%s"}""".formatted(first)).with(as(admin)))
                .andExpect(status().isNotFound());
    }

    private void expectErrors(PortalUser admin, String body, String... fields) throws Exception {
        ResultActions result = mvc.perform(json(put("/api/v1/plans/" + fixtures.unique("BAD")), body).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        for (String field : fields) {
            result.andExpect(jsonPath("$.errors[?(@.field == '" + field + "')]").exists());
        }
        String text = result.andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(text).get("errors")).as(text).hasSize(fields.length);
    }
}
