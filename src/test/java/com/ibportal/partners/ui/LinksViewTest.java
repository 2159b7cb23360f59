package com.ibportal.partners.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.partners.PartnerChanges;
import com.ibportal.partners.PartnerService;
import com.ibportal.partners.ReferralLink;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

@PortalIntegrationTest
class LinksViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    PartnerService partners;
    @Value("${portal.public-url}")
    String publicUrl;

    @AfterEach
    void signOut() {
        fixtures.signOut();
    }

    @Test
    void ibSeesItsLinksWithClicksAndMakesACampaignLink() throws Exception {
        String code = fixtures.unique("LV");
        fixtures.ibWithLogin(code, null);
        String other = fixtures.unique("LX");
        fixtures.partner(other, null);
        mvc.perform(get("/r/" + code).param("sub", "tiktok")).andExpect(status().isFound());
        mvc.perform(get("/r/" + code).param("sub", "tiktok")).andExpect(status().isFound());
        mvc.perform(get("/r/" + code)).andExpect(status().isFound());
        mvc.perform(get("/r/" + other).param("sub", "elsewhere")).andExpect(status().isFound());

        fixtures.signIn(code.toLowerCase(Locale.ROOT) + "@ib.test");
        LinksView view = navigate(LinksView.class);

        assertThat(view.grid.getGenericDataView().getItems().toList()).containsExactly(
                new ReferralLink(null, publicUrl + "/r/" + code, 1, 1),
                new ReferralLink("tiktok", publicUrl + "/r/" + code + "?sub=tiktok", 2, 2));
        assertThat(view.link.getValue()).isEqualTo(publicUrl + "/r/" + code);
        assertThat(view.qr.isVisible()).isTrue();

        test(view.campaign).setValue("Summer Promo!");
        test(view.make).click();
        assertThat(view.campaign.getValue()).isEqualTo("SummerPromo");
        assertThat(view.link.getValue()).isEqualTo(publicUrl + "/r/" + code + "?sub=SummerPromo");
        assertThat(view.qr.getSrc()).isNotBlank();
    }

    @Test
    void anIbThatMayRecruitSeesItsInvitationLinkWithAQrCodeAndOneThatMayNotDoesNot() {
        String code = fixtures.unique("LI");
        fixtures.ibWithLogin(code, null);
        fixtures.signIn(code.toLowerCase(Locale.ROOT) + "@ib.test");
        LinksView view = navigate(LinksView.class);
        assertThat(view.invitation.getValue()).isEqualTo(publicUrl + "/join/" + code);
        assertThat(view.invitation.isAttached()).isTrue();
        assertThat(view.invitationQr.getSrc()).isNotBlank();

        fixtures.signIn(fixtures.staff(com.ibportal.security.Role.ADMIN).email());
        partners.update(code, new PartnerChanges(null, null, null, false));
        fixtures.signIn(code.toLowerCase(Locale.ROOT) + "@ib.test");
        navigate("network", com.vaadin.flow.component.Component.class); // else the router keeps the shown view
        LinksView refused = navigate(LinksView.class);
        assertThat(refused.invitation.isAttached()).isFalse();
        assertThat(refused.invitationQr.isAttached()).isFalse();
    }
}
