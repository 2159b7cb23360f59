package com.ibportal.partners.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.partners.ApplicationStatus;
import com.ibportal.partners.ApplicationSummary;
import com.ibportal.partners.OnboardingService;
import com.ibportal.security.Role;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The anonymous pages: "Become a partner" and a sub-IB invitation. */
@PortalIntegrationTest
class PublicApplicationViewsTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    OnboardingService onboarding;

    @BeforeEach
    void anonymous() {
        fixtures.signInAnonymously();
    }

    @AfterEach
    void signOut() {
        fixtures.signOut();
    }

    @Test
    void aVisitorAppliesAndTheApplicationWaitsInTheQueue() {
        BecomeAPartnerView view = navigate(BecomeAPartnerView.class);
        String tag = fixtures.unique("Pv");
        String email = tag.toLowerCase(Locale.ROOT) + "@visitor.test";
        fill(view.form, "Visitor " + tag, email, "12.5");
        test(view.form.submit).click();

        assertThat(view.form.thanks.isVisible()).isTrue();
        assertThat(view.form.thanks.getText()).contains(email);
        ApplicationSummary saved = queued(email);
        assertThat(saved.status()).isEqualTo(ApplicationStatus.PENDING);
        assertThat(saved.inviterCode()).isNull();
        assertThat(saved.country()).isEqualTo("NL");
    }

    @Test
    void badInputIsShownOnEachFieldAndNothingIsSaved() {
        BecomeAPartnerView view = navigate(BecomeAPartnerView.class);
        view.form.email.setValue("not-an-email");
        view.form.expectedLots.setValue("5");
        test(view.form.submit).click();
        assertThat(view.form.name.isInvalid()).isTrue();
        assertThat(view.form.email.isInvalid()).isTrue();
        assertThat(view.form.country.isInvalid()).isTrue();
        assertThat(view.form.channels.isInvalid()).isTrue();
        assertThat(view.form.expectedLots.isInvalid()).isFalse();
        assertThat(view.form.thanks.isVisible()).isFalse();

        view.form.expectedLots.setValue("1.2.3");
        test(view.form.submit).click();
        assertThat(view.form.expectedLots.isInvalid()).isTrue();
    }

    @Test
    void aSecondApplicationForAPendingEmailIsRefusedOnThePage() {
        String tag = fixtures.unique("Pd");
        String email = tag.toLowerCase(Locale.ROOT) + "@visitor.test";
        BecomeAPartnerView first = navigate(BecomeAPartnerView.class);
        fill(first.form, "First " + tag, email, "1");
        test(first.form.submit).click();
        navigate("login", Component.class); // else the router keeps the shown view
        BecomeAPartnerView second = navigate(BecomeAPartnerView.class);
        fill(second.form, "Second " + tag, email, "1");
        test(second.form.submit).click();
        assertThat(second.form.problem.isVisible()).isTrue();
        assertThat(second.form.problem.getText()).contains("already waiting");
        assertThat(second.form.thanks.isVisible()).isFalse();
    }

    @Test
    void anInvitationNamesTheInviterAndQueuesTheApplicationUnderIt() {
        String inviter = fixtures.unique("PJ");
        fixtures.partner(inviter, null);
        fixtures.signInAnonymously();
        JoinView view = navigate("join/" + inviter, JoinView.class);
        assertThat(view.intro.getText()).contains("Partner " + inviter);
        String tag = fixtures.unique("Pj");
        String email = tag.toLowerCase(Locale.ROOT) + "@invited.test";
        fill(view.form, "Invited " + tag, email, "30");
        test(view.form.submit).click();
        assertThat(view.form.thanks.isVisible()).isTrue();
        assertThat(queued(email).inviterCode()).isEqualTo(inviter);
    }

    @Test
    void anUnknownInvitationSaysSoAndOffersThePublicPage() {
        JoinView view = navigate("join/NO-SUCH-IB", JoinView.class);
        assertThat(view.intro.getText()).contains("not valid");
        assertThat(view.form).isNull();
    }

    @Test
    void thePublicPagesAreOpenWithoutSigningInAndTheLoginPageLinksToIt() {
        navigate("login", Component.class);
        assertThat($(com.vaadin.flow.component.html.Anchor.class).all())
                .anySatisfy(a -> assertThat(a.getHref()).isEqualTo("become-a-partner"));
        navigate("become-a-partner", Component.class);
        assertThat(getCurrentView()).isInstanceOf(BecomeAPartnerView.class);
    }

    private void fill(ApplicationForm form, String name, String email, String lots) {
        form.name.setValue(name);
        form.email.setValue(email);
        form.country.setValue(Locale.of("", "NL"));
        form.channels.setValue("https://my-fx-site.test");
        form.expectedLots.setValue(lots);
    }

    private ApplicationSummary queued(String email) {
        fixtures.signIn(fixtures.staff(Role.ADMIN).email());
        try {
            return onboarding.applications(null).stream().filter(a -> a.email().equals(email)).findFirst().orElseThrow();
        } finally {
            fixtures.signInAnonymously();
        }
    }
}
