package com.ibportal.partners.ui;

import com.ibportal.partners.OnboardingService;
import com.ibportal.program.ProgramService;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Public: anyone applies to become an IB; the application waits in the admins' queue. */
@Route(value = "become-a-partner", autoLayout = false)
@PageTitle("Become a partner · IB Portal")
@AnonymousAllowed
class BecomeAPartnerView extends VerticalLayout {

    final ApplicationForm form;

    BecomeAPartnerView(OnboardingService onboarding, ProgramService program) {
        setAlignItems(FlexComponent.Alignment.CENTER);
        form = new ApplicationForm(onboarding::apply);
        add(new H1("Become a partner of " + program.brokerName()),
                new Paragraph("Introduce clients and earn commission on their trading. Tell us about yourself; "
                        + "once approved you receive a link to set your password."),
                form, new Anchor("login", "Already a partner? Sign in"));
    }
}
