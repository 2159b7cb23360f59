package com.ibportal.partners.ui;

import com.ibportal.ui.PlannedPage;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("network")
@PageTitle("My network · IB Portal")
@Menu(order = 2, icon = "vaadin:sitemap", title = "My network")
@RolesAllowed({"IB"})
class NetworkView extends PlannedPage {

    NetworkView() {
        super("My network", "Your sub-IBs, level by level, with their clients, FTDs and lots this month.",
              "A tree of your sub-IBs",
              "Clients, FTDs and lots per sub-IB this month");
    }
}
