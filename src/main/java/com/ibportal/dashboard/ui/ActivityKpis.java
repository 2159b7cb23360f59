package com.ibportal.dashboard.ui;

import com.ibportal.dashboard.ActivityOverview;
import com.ibportal.ui.KpiCard;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** The headline figures of an activity overview. */
class ActivityKpis extends FlexLayout {

    final KpiCard partners = new KpiCard("Partners", "");
    final KpiCard clients = new KpiCard("Clients", "");
    final KpiCard registrations = new KpiCard("Registrations", "");
    final KpiCard ftds = new KpiCard("First deposits", "");
    final KpiCard ftdAmount = new KpiCard("FTD amount", "");

    ActivityKpis() {
        setFlexWrap(FlexWrap.WRAP);
        getStyle().set("gap", "var(--lumo-space-m)");
        add(partners, clients, registrations, ftds, ftdAmount);
    }

    void show(ActivityOverview overview, String currency) {
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.US);
        partners.setValue(count.format(overview.partners()));
        clients.setValue(count.format(overview.clients()));
        registrations.setValue(count.format(overview.registrations()));
        ftds.setValue(count.format(overview.ftds()));
        ftdAmount.setValue(count.format(overview.ftdAmount().setScale(0, RoundingMode.HALF_EVEN)) + " " + currency);
    }
}
