package com.ibportal.clients.ui;

import com.ibportal.clients.ClientDetails;
import com.ibportal.clients.ClientService;
import com.ibportal.ui.PageHeader;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The clients of the signed-in IB's whole subtree, fetched a slice at a time (a network may hold 200,000). */
@Route("clients")
@PageTitle("My clients · IB Portal")
@Menu(order = 3, icon = "vaadin:users", title = "My clients")
@RolesAllowed({"IB"})
class MyClientsView extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    final Grid<ClientDetails> grid = new Grid<>();

    MyClientsView(ClientService clients) {
        setSizeFull();
        grid.addColumn(ClientDetails::externalId).setHeader("Client").setAutoWidth(true);
        grid.addColumn(ClientDetails::partnerCode).setHeader("Partner").setAutoWidth(true);
        grid.addColumn(c -> c.kycStatus().name()).setHeader("KYC").setAutoWidth(true);
        grid.addColumn(ClientDetails::country).setHeader("Country").setAutoWidth(true);
        grid.addColumn(c -> day(c.registeredAt())).setHeader("Registered (UTC)").setAutoWidth(true);
        grid.addColumn(c -> day(c.ftdAt())).setHeader("FTD (UTC)").setAutoWidth(true);
        grid.addColumn(c -> c.ftdAmount() == null ? "" : c.ftdAmount().toPlainString()).setHeader("FTD amount").setAutoWidth(true);
        grid.addColumn(ClientDetails::email).setHeader("Email").setAutoWidth(true);
        grid.setSizeFull();
        grid.setItems(query -> clients.myClients(query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, clients.myClientCount()));
        add(new PageHeader("My clients", "The clients of your whole network, newest first; contact details as the program allows."),
                grid);
    }

    private static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }
}
