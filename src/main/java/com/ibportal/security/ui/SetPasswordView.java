package com.ibportal.security.ui;

import com.ibportal.security.PasswordLinkService;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.NotFoundException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Public: whoever holds a set-password link chooses the password of its login, once. */
@Route(value = "set-password/:token", autoLayout = false)
@PageTitle("Set your password · IB Portal")
@AnonymousAllowed
class SetPasswordView extends VerticalLayout implements BeforeEnterObserver {

    private final PasswordLinkService links;

    final Paragraph intro = new Paragraph();
    final PasswordField password = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("New password again");
    final Button save = new Button("Set password", e -> save());
    final FormLayout form = new FormLayout(password, repeat);
    private String token;

    SetPasswordView(PasswordLinkService links) {
        this.links = links;
        setAlignItems(FlexComponent.Alignment.CENTER);
        password.setId("new-password");
        repeat.setId("new-password-again");
        save.setId("set-password");
        password.setMinLength(PasswordLinkService.MIN_PASSWORD_LENGTH);
        password.setMaxLength(PasswordLinkService.MAX_PASSWORD_LENGTH);
        password.setHelperText("At least " + PasswordLinkService.MIN_PASSWORD_LENGTH + " characters");
        repeat.setMaxLength(PasswordLinkService.MAX_PASSWORD_LENGTH);
        password.setRequired(true);
        repeat.setRequired(true);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.setMaxWidth("28em");
        add(new H1("Set your password"), intro, form, save, new Anchor("login", "Back to sign in"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        var email = links.emailFor(token);
        if (email.isEmpty()) {
            showInvalid();
        } else {
            intro.setText("Choose the password you will sign in with as " + email.get() + ".");
        }
    }

    void save() {
        password.setInvalid(false);
        repeat.setInvalid(false);
        String value = password.getValue();
        if (value.length() < PasswordLinkService.MIN_PASSWORD_LENGTH) {
            password.setErrorMessage("At least " + PasswordLinkService.MIN_PASSWORD_LENGTH + " characters");
            password.setInvalid(true);
            return;
        }
        if (!value.equals(repeat.getValue())) {
            repeat.setErrorMessage("The two passwords differ");
            repeat.setInvalid(true);
            return;
        }
        try {
            links.setPassword(token, value);
        } catch (InvalidInputException e) {
            password.setErrorMessage(e.problems().getFirst().message());
            password.setInvalid(true);
            return;
        } catch (NotFoundException e) {
            showInvalid();
            return;
        }
        Notification.show("Password set: sign in with it now").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        getUI().ifPresent(ui -> ui.navigate("login"));
    }

    private void showInvalid() {
        intro.setText("This link is unknown, already used or expired. Ask the partner team for a new one.");
        form.setVisible(false);
        save.setVisible(false);
    }
}
