package com.ibportal.ingestion.ui;

import com.ibportal.ui.PlannedPage;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("admin/integrations")
@PageTitle("Integrations · IB Portal")
@Menu(order = 103, icon = "vaadin:connect", title = "Integrations")
@RolesAllowed({"ADMIN"})
class IntegrationsView extends PlannedPage {

    IntegrationsView() {
        super("Integrations", "Connectors to the CRM and trading platforms, and their health.",
              "Webhook, postback, polling and CSV connectors",
              "Health: last event, rate, lag, errors");
    }
}
