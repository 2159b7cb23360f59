package com.ibportal.clients.ui;

import com.ibportal.ui.PlannedPage;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("clients")
@PageTitle("My clients · IB Portal")
@Menu(order = 3, icon = "vaadin:users", title = "My clients")
@RolesAllowed({"IB"})
class MyClientsView extends PlannedPage {

    MyClientsView() {
        super("My clients", "The clients you referred, with their status; contact details masked.",
              "Clients with KYC status and first deposit",
              "Masked email and country only");
    }
}
