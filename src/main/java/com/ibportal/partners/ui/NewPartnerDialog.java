package com.ibportal.partners.ui;

import com.ibportal.partners.NewPartner;
import com.ibportal.partners.PartnerSummary;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.List;

/** Asks for a new partner; the view creates it on {@link CreateEvent} and closes the dialog once that worked. */
class NewPartnerDialog extends Dialog {

    final TextField code = new TextField("Code");
    final TextField name = new TextField("Name");
    final EmailField email = new EmailField("Email");
    final ComboBox<String> parent = new ComboBox<>("Parent");
    final PasswordField password = new PasswordField("Password");
    final Button create = new Button("Create", e -> fireEvent(new CreateEvent(this)));

    NewPartnerDialog(List<PartnerSummary> partners) {
        setHeaderTitle("New partner");
        code.setHelperText("Letters, digits, '-' and '_'; it goes into referral links");
        parent.setItems(partners.stream().map(PartnerSummary::code).toList());
        parent.setHelperText("Empty: a top-level (master) IB");
        parent.setClearButtonVisible(true);
        password.setHelperText("Optional: also creates the IB's login (the email), at least 10 characters");
        add(new FormLayout(code, name, email, parent, password));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), create);
    }

    Registration addCreateListener(ComponentEventListener<CreateEvent> listener) {
        return addListener(CreateEvent.class, listener);
    }

    static final class CreateEvent extends ComponentEvent<NewPartnerDialog> {

        CreateEvent(NewPartnerDialog source) {
            super(source, false);
        }

        NewPartner partner() {
            NewPartnerDialog d = getSource();
            return new NewPartner(d.code.getValue().trim(), d.name.getValue().trim(), d.email.getValue().trim(),
                    d.parent.getValue());
        }

        /** Null when left empty: no login. */
        String password() {
            String value = getSource().password.getValue();
            return value == null || value.isEmpty() ? null : value;
        }
    }
}
