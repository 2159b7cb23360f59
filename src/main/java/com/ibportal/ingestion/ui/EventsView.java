package com.ibportal.ingestion.ui;

import com.ibportal.ui.PlannedPage;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("admin/events")
@PageTitle("Events · IB Portal")
@Menu(order = 104, icon = "vaadin:inbox", title = "Events")
@RolesAllowed({"ADMIN"})
class EventsView extends PlannedPage {

    EventsView() {
        super("Events", "Every ingested event with its status; replay what failed.",
              "Events by connector, status and type",
              "Raw payloads and replay");
    }
}
