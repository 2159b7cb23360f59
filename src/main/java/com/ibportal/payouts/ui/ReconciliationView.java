package com.ibportal.payouts.ui;

import com.ibportal.ui.PlannedPage;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("admin/reconciliation")
@PageTitle("Reconciliation · IB Portal")
@Menu(order = 106, icon = "vaadin:scale", title = "Reconciliation")
@RolesAllowed({"ADMIN", "FINANCE"})
class ReconciliationView extends PlannedPage {

    ReconciliationView() {
        super("Reconciliation", "Compare the CRM's exports with what the portal ingested.",
              "Upload of CRM exports",
              "Differences per client and partner with variance");
    }
}
