package com.ibportal.partners.ui;

import com.ibportal.partners.OnboardingService;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Public: a prospective sub-IB applies through an IB's invitation link, to join under that IB. */
@Route(value = "join/:partnerCode", autoLayout = false)
@PageTitle("Join as a sub-IB · IB Portal")
@AnonymousAllowed
class JoinView extends VerticalLayout implements BeforeEnterObserver {

    private final OnboardingService onboarding;
    final Paragraph intro = new Paragraph();
    ApplicationForm form;

    JoinView(OnboardingService onboarding) {
        this.onboarding = onboarding;
        setAlignItems(FlexComponent.Alignment.CENTER);
        add(new H1("Join as a sub-IB"), intro);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String inviter = event.getRouteParameters().get("partnerCode").orElse("");
        onboarding.invitationFrom(inviter).ifPresentOrElse(name -> {
            intro.setText(name + " invites you to introduce clients as a sub-IB in their network. Tell us about yourself; "
                    + "once approved you receive a link to set your password.");
            form = new ApplicationForm(application -> onboarding.applyByInvitation(inviter, application));
            add(form);
        }, () -> {
            intro.setText("This invitation link is not valid (any more). You can still apply directly.");
            add(new Anchor("become-a-partner", "Become a partner"));
        });
        add(new Anchor("login", "Already a partner? Sign in"));
    }
}
