package com.ibportal.partners.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.partners.ApplicationStatus;
import com.ibportal.partners.ApplicationSummary;
import com.ibportal.partners.NewApplication;
import com.ibportal.partners.OnboardingService;
import com.ibportal.partners.PartnerService;
import com.ibportal.security.PasswordLinkService;
import com.ibportal.security.Role;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PortalIntegrationTest
class ApplicationsViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    OnboardingService onboarding;
    @Autowired
    PartnerService partners;
    @Autowired
    PasswordLinkService passwordLinks;

    ApplicationSummary pending;
    String inviter;

    @BeforeEach
    void anInvitedApplication() {
        inviter = fixtures.unique("AVI");
        fixtures.partner(inviter, null);
        String tag = fixtures.unique("Avt");
        fixtures.signInAnonymously();
        pending = onboarding.applyByInvitation(inviter, new NewApplication("Avery " + tag, tag.toLowerCase(Locale.ROOT) + "@apply.test",
                "FR", "forex-blog.test", new BigDecimal("75")));
        fixtures.signIn(fixtures.staff(Role.ADMIN).email());
    }

    @AfterEach
    void signOut() {
        fixtures.signOut();
    }

    @Test
    void approvingShowsTheSetPasswordLinkOnceAndCreatesThePartnerUnderTheInviter() {
        ApplicationsView view = navigate(ApplicationsView.class);
        assertThat(view.status.getValue()).isEqualTo(ApplicationStatus.PENDING);
        assertThat(rows(view)).extracting(ApplicationSummary::id).contains(pending.id());
        assertThat(view.approve.isEnabled()).isFalse();
        view.grid.select(row(view));
        test(view.approve).click();
        ApplicationsView.ApproveDialog dialog = $(ApplicationsView.ApproveDialog.class).single();
        assertThat(dialog.parent.getValue()).as("the inviter is proposed").isEqualTo(inviter);
        test(dialog.approve).click();

        assertThat(dialog.isOpened()).isFalse();
        ApplicationsView.LinkDialog shown = $(ApplicationsView.LinkDialog.class).single();
        String url = shown.link.getValue();
        assertThat(url).contains("/set-password/");
        assertThat(rows(view)).extracting(ApplicationSummary::id).doesNotContain(pending.id());
        view.status.clear();
        ApplicationSummary approved = rows(view).stream().filter(a -> a.id() == pending.id()).findFirst().orElseThrow();
        assertThat(approved.status()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(partners.get(approved.partnerCode()).parentCode()).isEqualTo(inviter);
        assertThat(passwordLinks.emailFor(url.substring(url.lastIndexOf('/') + 1))).contains(pending.email());
    }

    @Test
    void rejectingNeedsAReasonAndKeepsIt() {
        ApplicationsView view = navigate(ApplicationsView.class);
        view.grid.select(row(view));
        test(view.reject).click();
        ApplicationsView.RejectDialog dialog = $(ApplicationsView.RejectDialog.class).single();
        test(dialog.reject).click();
        assertThat(dialog.isOpened()).as("no reason").isTrue();
        dialog.reason.setValue("No audience yet");
        test(dialog.reject).click();
        assertThat(dialog.isOpened()).isFalse();

        view.status.setValue(ApplicationStatus.REJECTED);
        ApplicationSummary rejected = rows(view).stream().filter(a -> a.id() == pending.id()).findFirst().orElseThrow();
        assertThat(rejected.rejectReason()).isEqualTo("No audience yet");
    }

    @Test
    void theOnboardingSettingIsSwitchedFromTheQueue() {
        ApplicationsView view = navigate(ApplicationsView.class);
        assertThat(view.subIbApprovalRequired.getValue()).isTrue();
        try {
            view.subIbApprovalRequired.setValue(false);
            assertThat(onboarding.subIbApprovalRequired()).isFalse();
        } finally {
            onboarding.requireSubIbApproval(true);
        }
    }

    @Test
    void anIbCannotOpenTheQueue() {
        var ib = fixtures.ibWithLogin(fixtures.unique("AVIB"), null);
        fixtures.signIn(ib.email());
        navigate("admin/applications", Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(ApplicationsView.class);
    }

    private ApplicationSummary row(ApplicationsView view) {
        return rows(view).stream().filter(a -> a.id() == pending.id()).findFirst().orElseThrow();
    }

    private static java.util.List<ApplicationSummary> rows(ApplicationsView view) {
        return view.grid.getGenericDataView().getItems().toList();
    }
}
