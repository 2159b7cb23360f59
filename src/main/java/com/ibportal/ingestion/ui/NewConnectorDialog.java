package com.ibportal.ingestion.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.List;

/** Asks for a new connector; the view creates it on {@link CreateEvent} and closes the dialog once that worked. */
class NewConnectorDialog extends Dialog {

    final TextField name = new TextField("Name");
    final ComboBox<String> kind = new ComboBox<>("Kind");
    final ComboBox<String> format = new ComboBox<>("Format");
    final TextField settings = new TextField("Settings (JSON)");
    final Button create = new Button("Create", e -> fireEvent(new CreateEvent(this)));

    NewConnectorDialog() {
        setHeaderTitle("New connector");
        kind.setItems(IntegrationsView.kinds());
        kind.setValue("WEBHOOK");
        format.setItems(List.of("canonical", "mt5", "mt4", "ctrader", "matchtrader", "dxtrade", "mapping"));
        format.setValue("canonical");
        settings.setPlaceholder("{\"serverId\": \"mt5-live\", \"serverZone\": \"Europe/Athens\", \"accountCurrency\": \"USD\"}");
        settings.setHelperText("Platform formats need serverId (mt5/mt4 also serverZone); mapping needs jsonMapping");
        settings.setWidthFull();
        FormLayout form = new FormLayout(name, kind, format, settings);
        form.setColspan(settings, 2);
        add(form);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), create);
    }

    Registration addCreateListener(ComponentEventListener<CreateEvent> listener) {
        return addListener(CreateEvent.class, listener);
    }

    static final class CreateEvent extends ComponentEvent<NewConnectorDialog> {
        CreateEvent(NewConnectorDialog source) {
            super(source, false);
        }
    }
}
