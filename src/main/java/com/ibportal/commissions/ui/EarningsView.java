package com.ibportal.commissions.ui;

import com.ibportal.ui.PlannedPage;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("earnings")
@PageTitle("Earnings · IB Portal")
@Menu(order = 4, icon = "vaadin:money", title = "Earnings")
@RolesAllowed({"IB"})
class EarningsView extends PlannedPage {

    EarningsView() {
        super("Earnings", "Every commission line, explained down to the trade.",
              "Ledger lines with filters and explanations",
              "Totals by rule and level",
              "Override lines linked to the sub-IB that produced them");
    }
}
