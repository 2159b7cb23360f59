package com.ibportal.payouts.ui;

import com.ibportal.ui.PlannedPage;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("statements")
@PageTitle("Statements · IB Portal")
@Menu(order = 5, icon = "vaadin:file-text-o", title = "Statements")
@RolesAllowed({"IB"})
class MyStatementsView extends PlannedPage {

    MyStatementsView() {
        super("Statements", "Your statements per period, to download as PDF and CSV.",
              "Statements per period with status",
              "PDF and CSV downloads");
    }
}
