package com.ibportal.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.program.ProgramService;
import com.ibportal.shared.Hashing;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

@PortalIntegrationTest
class ReferralRedirectTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProgramService program;

    @Test
    void recordsTheClickWithHashedIpAndRedirectsWithRefAndCampaign() throws Exception {
        String code = fixtures.unique("R");
        long partnerId = fixtures.partner(code, null).id();
        String location = mvc.perform(get("/r/" + code).param("sub", "spring-promo_2.0")
                        .header("User-Agent", "A".repeat(300))
                        .with(request -> {
                            request.setRemoteAddr("203.0.113.77");
                            return request;
                        }))
                .andExpect(status().isFound())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getHeader("Location");

        assertThat(location).startsWith(registrationUrlWithoutQuery());
        MultiValueMap<String, String> params = UriComponentsBuilder.fromUriString(location).build().getQueryParams();
        assertThat(params.getFirst("ref")).isEqualTo(code);
        assertThat(params.getFirst("campaign")).isEqualTo("spring-promo_2.0");

        Map<String, Object> click = jdbc.sql("SELECT * FROM referral_click WHERE partner_id = ?").param(partnerId).query().singleRow();
        assertThat(click.get("campaign")).isEqualTo("spring-promo_2.0");
        assertThat(click.get("ip_hash")).isEqualTo(Hashing.hmacSha256Hex("test-ip-key".getBytes(java.nio.charset.StandardCharsets.UTF_8), "203.0.113.77"))
                .isNotEqualTo(Hashing.sha256Hex("203.0.113.77"));
        assertThat(click.values()).noneMatch(v -> v != null && v.toString().contains("203.0.113.77"));
        assertThat((String) click.get("user_agent")).hasSize(255);
        assertThat(click.get("clicked_at")).isNotNull();
    }

    @Test
    void unknownCodeCountsAsOrganicAndRedirectsWithoutRef() throws Exception {
        String campaign = fixtures.unique("organic");
        String location = mvc.perform(get("/r/NO-SUCH-" + campaign).param("sub", campaign))
                .andExpect(status().isFound())
                .andReturn().getResponse().getHeader("Location");

        assertThat(location).startsWith(registrationUrlWithoutQuery());
        MultiValueMap<String, String> params = UriComponentsBuilder.fromUriString(location).build().getQueryParams();
        assertThat(params).doesNotContainKey("ref");
        assertThat(params.getFirst("campaign")).isEqualTo(campaign);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral_click WHERE campaign = ? AND partner_id IS NULL")
                .param(campaign).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void campaignKeepsOnlySafeCharactersAndAtMostOneHundred() throws Exception {
        String code = fixtures.unique("R");
        long partnerId = fixtures.partner(code, null).id();
        String raw = "<script>a b&c=d</script>" + "x".repeat(150);
        String location = mvc.perform(get("/r/" + code).param("sub", raw))
                .andExpect(status().isFound())
                .andReturn().getResponse().getHeader("Location");

        String expected = ("scriptabcdscript" + "x".repeat(150)).substring(0, 100);
        assertThat(UriComponentsBuilder.fromUriString(location).build().getQueryParams().getFirst("campaign")).isEqualTo(expected);
        assertThat(jdbc.sql("SELECT campaign FROM referral_click WHERE partner_id = ?").param(partnerId).query(String.class).single())
                .isEqualTo(expected);

        mvc.perform(get("/r/" + code).param("sub", "äöü !")).andExpect(status().isFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral_click WHERE partner_id = ? AND campaign IS NULL")
                .param(partnerId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void keepsTheRegistrationUrlsOwnQueryAndFragment() {
        assertThat(ReferralRedirect.withParams("https://b.test/join?lang=de#form", "IB-1", "a.b"))
                .isEqualTo("https://b.test/join?lang=de&ref=IB-1&campaign=a.b#form");
        assertThat(ReferralRedirect.withParams("https://b.test/join", "IB 1&x", null))
                .isEqualTo("https://b.test/join?ref=IB+1%26x");
        assertThat(ReferralRedirect.withParams("https://b.test/join?", null, null)).isEqualTo("https://b.test/join?");
        assertThat(ReferralRedirect.withParams("https://b.test/join?", null, "c")).isEqualTo("https://b.test/join?campaign=c");
    }

    private String registrationUrlWithoutQuery() {
        String url = program.programForInternalUse().registrationUrl();
        int cut = url.indexOf('?') >= 0 ? url.indexOf('?') : url.indexOf('#') >= 0 ? url.indexOf('#') : url.length();
        return url.substring(0, cut);
    }
}
