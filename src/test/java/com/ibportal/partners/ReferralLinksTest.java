package com.ibportal.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.security.Role;
import com.ibportal.shared.UtcColumns;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

@PortalIntegrationTest
class ReferralLinksTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReferralLinks links;
    @Value("${portal.public-url}")
    String publicUrl;

    @AfterEach
    void signOut() {
        fixtures.signOut();
    }

    @Test
    void countsTheIbsOwnClicksPerCampaignInAllAndInTheLast30Days() throws Exception {
        String a = fixtures.unique("LA");
        fixtures.ibWithLogin(a, null);
        long aId = jdbc.sql("SELECT id FROM partner WHERE code = ?").param(a).query(Long.class).single();
        String b = fixtures.unique("LB");
        fixtures.ibWithLogin(b, null);
        click(a, "yt");
        click(a, "yt");
        click(a, null);
        click(a, "fb");
        click(b, "yt");
        click(b, "only-b");
        jdbc.sql("INSERT INTO referral_click (id, partner_id, campaign, clicked_at) VALUES (NEXTVAL(referral_click_seq), ?, 'yt', ?)")
                .params(aId, UtcColumns.param(Instant.now().minus(Duration.ofDays(40)))).update();

        fixtures.signIn(a.toLowerCase(Locale.ROOT) + "@ib.test");
        assertThat(links.myLinks()).containsExactly(
                new ReferralLink(null, publicUrl + "/r/" + a, 1, 1),
                new ReferralLink("fb", publicUrl + "/r/" + a + "?sub=fb", 1, 1),
                new ReferralLink("yt", publicUrl + "/r/" + a + "?sub=yt", 3, 2));
        assertThat(links.linkFor(" y t!")).isEqualTo(new ReferralLink("yt", publicUrl + "/r/" + a + "?sub=yt", 3, 2));
        assertThat(links.linkFor("new-one")).isEqualTo(new ReferralLink("new-one", publicUrl + "/r/" + a + "?sub=new-one", 0, 0));
        assertThat(links.linkFor("  ")).isEqualTo(new ReferralLink(null, publicUrl + "/r/" + a, 1, 1));
    }

    @Test
    void aNewIbHasItsBaseLinkWithNoClicksAndStaffHaveNoLinks() {
        String a = fixtures.unique("LN");
        fixtures.ibWithLogin(a, null);
        fixtures.signIn(a.toLowerCase(Locale.ROOT) + "@ib.test");
        assertThat(links.myLinks()).containsExactly(new ReferralLink(null, publicUrl + "/r/" + a, 0, 0));

        fixtures.signIn(fixtures.staff(Role.ADMIN).email());
        assertThatThrownBy(() -> links.myLinks()).isInstanceOf(AccessDeniedException.class);
    }

    private void click(String code, String campaign) throws Exception {
        var request = get("/r/" + code);
        if (campaign != null) {
            request.param("sub", campaign);
        }
        mvc.perform(request).andExpect(status().isFound());
    }
}
