package com.ibportal.ui;

import com.ibportal.program.ProgramService;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · IB Portal")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    static final String BECOME_A_PARTNER_ROUTE = "become-a-partner";

    private final LoginForm login = new LoginForm();

    public LoginView(ProgramService program) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setUsername("Email");
        i18n.getErrorMessage().setTitle("Could not sign you in");
        i18n.getErrorMessage().setMessage("Check your email and password. After 5 wrong attempts the account is locked for 15 minutes.");
        login.setI18n(i18n);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        H1 title = new H1(program.brokerName());
        title.getStyle().set("margin-bottom", "0");
        // the route, not the view class: partners depends on the UI shell, not the other way round
        Anchor becomePartner = new Anchor(BECOME_A_PARTNER_ROUTE, "Not a partner yet? Become a partner");
        add(title, new Paragraph("Partner portal for introducing brokers"), login, becomePartner);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
