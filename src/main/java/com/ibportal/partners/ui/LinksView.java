package com.ibportal.partners.ui;

import com.ibportal.ui.PlannedPage;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("links")
@PageTitle("Links · IB Portal")
@Menu(order = 6, icon = "vaadin:link", title = "Links")
@RolesAllowed({"IB"})
class LinksView extends PlannedPage {

    LinksView() {
        super("Links", "Your referral links with campaign tags, click counts and QR codes.",
              "Referral links per campaign",
              "Clicks and QR codes");
    }
}
