package com.ibportal.partners.ui;

import com.ibportal.partners.PartnerSummary;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.shared.Registration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Asks where a partner moves and from when (UTC); the view moves it on {@link MoveEvent}. */
class MovePartnerDialog extends Dialog {

    final PartnerSummary partner;
    final ComboBox<String> newParent = new ComboBox<>("New parent");
    final DateTimePicker effectiveFrom = new DateTimePicker("Effective from (UTC)");
    final Button move = new Button("Move", e -> fireEvent(new MoveEvent(this)));

    MovePartnerDialog(PartnerSummary partner, List<PartnerSummary> partners, Instant now) {
        this.partner = partner;
        setHeaderTitle("Move " + partner.code());
        // Its own subtree is refused by the service too; leaving just itself out keeps the list honest without a query.
        newParent.setItems(partners.stream().map(PartnerSummary::code).filter(c -> !c.equals(partner.code())).toList());
        newParent.setValue(partner.parentCode());
        newParent.setClearButtonVisible(true);
        newParent.setHelperText("Empty: top level. Its whole subtree moves with it");
        effectiveFrom.setValue(LocalDateTime.ofInstant(now.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC));
        effectiveFrom.setHelperText("Commissions before this instant keep the old upline");
        add(new FormLayout(newParent, effectiveFrom));
        move.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), move);
    }

    Registration addMoveListener(ComponentEventListener<MoveEvent> listener) {
        return addListener(MoveEvent.class, listener);
    }

    static final class MoveEvent extends ComponentEvent<MovePartnerDialog> {

        MoveEvent(MovePartnerDialog source) {
            super(source, false);
        }

        String code() {
            return getSource().partner.code();
        }

        /** Null: top level. */
        String newParentCode() {
            return getSource().newParent.getValue();
        }

        /** Null when no date-time was picked. */
        Instant effectiveFrom() {
            LocalDateTime value = getSource().effectiveFrom.getValue();
            return value == null ? null : value.toInstant(ZoneOffset.UTC);
        }
    }
}
