package com.ibportal.commissions.ui;

import com.ibportal.ui.PlannedPage;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("admin/plans")
@PageTitle("Plans · IB Portal")
@Menu(order = 102, icon = "vaadin:book-dollar", title = "Plans")
@RolesAllowed({"ADMIN"})
class PlansView extends PlannedPage {

    PlansView() {
        super("Plans", "Commission plans: rules, versions and assignments to partners.",
              "Plan editor with rule cards",
              "Version history with diff",
              "What-if simulation");
    }
}
