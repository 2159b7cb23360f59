package com.ibportal.ingestion.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

/** Shows a connector's secret the one time it exists in clear, with a copy button; closing it forgets it. */
class SecretDialog extends Dialog {

    final TextField secret = new TextField();
    final Button copy = new Button("Copy", VaadinIcon.COPY.create());

    SecretDialog(String title, String value, String note) {
        setHeaderTitle(title);
        setCloseOnOutsideClick(false);
        secret.setValue(value);
        secret.setReadOnly(true);
        secret.setWidth("36em");
        copy.addClickListener(e -> {
            secret.getElement().executeJs("navigator.clipboard.writeText($0)", value);
            Notification.show("Copied");
        });
        HorizontalLayout row = new HorizontalLayout(secret, copy);
        row.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        add(row, new Paragraph(note), new Paragraph("It cannot be shown again."));
        Button done = new Button("Done", e -> close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                secret.clear();
            }
        });
    }
}
