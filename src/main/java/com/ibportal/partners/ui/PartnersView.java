package com.ibportal.partners.ui;

import com.ibportal.ui.PlannedPage;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("admin/partners")
@PageTitle("Partners · IB Portal")
@Menu(order = 101, icon = "vaadin:sitemap", title = "Partners")
@RolesAllowed({"ADMIN"})
class PartnersView extends PlannedPage {

    PartnersView() {
        super("Partners", "All IBs as a tree: create, edit, suspend and move partners.",
              "Partner tree with search",
              "Create, edit, suspend, move with effective date",
              "Unmatched clients queue");
    }
}
