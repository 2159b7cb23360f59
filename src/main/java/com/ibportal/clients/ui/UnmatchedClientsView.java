package com.ibportal.clients.ui;

import com.ibportal.clients.ClientService;
import com.ibportal.clients.UnmatchedClient;
import com.ibportal.partners.PartnerService;
import com.ibportal.partners.PartnerSummary;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.NotFoundException;
import com.ibportal.ui.PageHeader;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The admin's queue of clients attributed to nobody, reached from the Partners page (it lives here,
 * not there, because partners may not depend on clients). No menu entry of its own.
 */
@Route("admin/unmatched-clients")
@PageTitle("Unmatched clients · IB Portal")
@RolesAllowed({"ADMIN"})
class UnmatchedClientsView extends VerticalLayout {

    private static final int PAGE = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final ClientService clients;
    final Grid<UnmatchedClient> grid = new Grid<>();
    final ComboBox<String> partner = new ComboBox<>();
    final Button assign = new Button("Assign", VaadinIcon.CHECK.create(), e -> assignSelected());
    final Button open = new Button("Open client", VaadinIcon.USER_CARD.create(), e -> openSelected());

    UnmatchedClientsView(ClientService clients, PartnerService partners) {
        this.clients = clients;
        setSizeFull();
        grid.addColumn(UnmatchedClient::externalId).setHeader("Client").setAutoWidth(true);
        grid.addColumn(c -> c.referralCode() == null ? "(none)" : c.referralCode()).setHeader("Referral code").setAutoWidth(true);
        grid.addColumn(c -> c.campaign() == null ? "" : c.campaign()).setHeader("Campaign").setAutoWidth(true);
        grid.addColumn(c -> when(c.registeredAt())).setHeader("Registered (UTC)").setAutoWidth(true);
        grid.addColumn(UnmatchedClient::country).setHeader("Country").setAutoWidth(true);
        grid.addColumn(UnmatchedClient::email).setHeader("Email").setAutoWidth(true);
        grid.setPageSize(PAGE);
        grid.setSizeFull();
        grid.addSelectionListener(e -> {
            assign.setEnabled(e.getFirstSelectedItem().isPresent());
            open.setEnabled(e.getFirstSelectedItem().isPresent());
        });
        grid.addItemDoubleClickListener(e -> openClient(e.getItem().externalId()));
        grid.setItems(query -> slice(query.getOffset(), query.getLimit()),
                query -> (int) Math.min(Integer.MAX_VALUE, clients.unmatched(0, 1).totalItems()));

        partner.setPlaceholder("Partner to assign to");
        partner.setItems(partners.all().stream().map(PartnerSummary::code).toList());
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        assign.setEnabled(false);
        open.setEnabled(false);
        open.setTooltipText("The client's details and history (double-click a row does the same)");
        Button findClient = new Button("Find a client", VaadinIcon.SEARCH.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(ClientDetailView.class)));
        assign.setTooltipText("Attribute the selected client to the partner from its registration");
        Button back = new Button("Partners", VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("admin/partners")));
        HorizontalLayout toolbar = new HorizontalLayout(back, partner, assign, open, findClient);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new PageHeader("Unmatched clients", "Clients whose referral code matched no partner (or who had none), oldest "
                + "first: assign each to its partner."), toolbar, grid);
    }

    /** The service pages by number; a grid asks by offset, so this reads the pages covering the range. */
    private Stream<UnmatchedClient> slice(int offset, int limit) {
        List<UnmatchedClient> items = new ArrayList<>();
        for (int page = offset / PAGE; page <= (offset + limit - 1) / PAGE; page++) {
            List<UnmatchedClient> got = clients.unmatched(page, PAGE).items();
            items.addAll(got);
            if (got.size() < PAGE) {
                break;
            }
        }
        int from = offset % PAGE;
        return items.stream().skip(from).limit(limit);
    }

    private void assignSelected() {
        grid.getSelectedItems().stream().findFirst().ifPresent(client -> {
            try {
                clients.assign(client.externalId(), partner.getValue());
            } catch (InvalidInputException | ConflictException | NotFoundException ex) {
                Notification.show(ex.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
                return;
            }
            grid.deselectAll();
            grid.getDataProvider().refreshAll();
            Notification.show(client.externalId() + " assigned to " + partner.getValue())
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
    }

    private void openSelected() {
        grid.getSelectedItems().stream().findFirst().ifPresent(client -> openClient(client.externalId()));
    }

    private void openClient(String externalId) {
        getUI().ifPresent(ui -> ui.navigate(ClientDetailView.class, new RouteParameters(ClientDetailView.PARAMETER, externalId)));
    }

    private static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }
}
