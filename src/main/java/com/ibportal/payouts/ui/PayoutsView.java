package com.ibportal.payouts.ui;

import com.ibportal.ui.PlannedPage;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("admin/payouts")
@PageTitle("Payouts · IB Portal")
@Menu(order = 105, icon = "vaadin:wallet", title = "Payouts")
@RolesAllowed({"ADMIN", "FINANCE"})
class PayoutsView extends PlannedPage {

    PayoutsView() {
        super("Payouts", "Periods, statements, approval and payment.",
              "Periods with totals and status",
              "Statements with bulk approve",
              "Payout files");
    }
}
