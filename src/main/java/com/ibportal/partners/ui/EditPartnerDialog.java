package com.ibportal.partners.ui;

import com.ibportal.partners.PartnerChanges;
import com.ibportal.partners.PartnerStatus;
import com.ibportal.partners.PartnerSummary;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

/** Edits a partner's name, email, status and whether it may recruit; the view saves on {@link SaveEvent}. */
class EditPartnerDialog extends Dialog {

    final PartnerSummary partner;
    final TextField name = new TextField("Name");
    final EmailField email = new EmailField("Email");
    final ComboBox<PartnerStatus> status = new ComboBox<>("Status");
    final Checkbox mayRecruit = new Checkbox("May recruit sub-IBs");
    final Button save = new Button("Save", e -> fireEvent(new SaveEvent(this)));

    EditPartnerDialog(PartnerSummary partner) {
        this.partner = partner;
        setHeaderTitle("Edit " + partner.code());
        name.setValue(partner.name());
        name.setMaxLength(200);
        email.setValue(partner.email());
        email.setHelperText("The partner's login signs in with this email too");
        status.setItems(PartnerStatus.values());
        status.setValue(partner.status());
        status.setAllowCustomValue(false);
        status.setHelperText("Suspended: cannot sign in or use the API; referral links keep attributing");
        mayRecruit.setValue(partner.mayRecruit());
        add(new FormLayout(name, email, status, mayRecruit));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    static final class SaveEvent extends ComponentEvent<EditPartnerDialog> {

        SaveEvent(EditPartnerDialog source) {
            super(source, false);
        }

        String code() {
            return getSource().partner.code();
        }

        PartnerChanges changes() {
            EditPartnerDialog d = getSource();
            return new PartnerChanges(d.name.getValue().trim(), d.email.getValue().trim(), d.status.getValue(), d.mayRecruit.getValue());
        }
    }
}
