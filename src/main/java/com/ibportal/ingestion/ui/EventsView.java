package com.ibportal.ingestion.ui;

import com.ibportal.ingestion.ConnectorService;
import com.ibportal.ingestion.ConnectorView;
import com.ibportal.ingestion.InboxEventView;
import com.ibportal.ingestion.InboxService;
import com.ibportal.ingestion.RawDelivery;
import com.ibportal.ingestion.canonical.EventType;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.NotFoundException;
import com.ibportal.ui.PageHeader;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;

/** Every ingested event of a connector with its status; the raw delivery of the selected one; replay what failed. */
@Route("admin/events")
@PageTitle("Events · IB Portal")
@Menu(order = 104, icon = "vaadin:inbox", title = "Events")
@RolesAllowed({"ADMIN"})
class EventsView extends VerticalLayout implements BeforeEnterObserver {

    static final String CONNECTOR_PARAMETER = "connector";
    private static final int MAX_SHOWN_BODY = 64 * 1024;

    private final InboxService inbox;

    final ComboBox<ConnectorView> connector = new ComboBox<>("Connector");
    final ComboBox<String> status = new ComboBox<>("Status");
    final ComboBox<String> type = new ComboBox<>("Type");
    final Grid<InboxEventView> grid = new Grid<>();
    final Span summary = new Span();
    final Div details = new Div();
    final Span detailsText = new Span();
    final Pre raw = new Pre();
    final Button replay = new Button("Replay", VaadinIcon.REFRESH.create(), e -> replaySelected());

    EventsView(ConnectorService connectors, InboxService inbox) {
        this.inbox = inbox;
        setSizeFull();
        List<ConnectorView> all = connectors.list();
        connector.setItems(all);
        connector.setItemLabelGenerator(ConnectorView::name);
        connector.setWidth("18em");
        status.setItems("RECEIVED", "PROCESSED", "PARKED", "FAILED");
        status.setClearButtonVisible(true);
        type.setItems(Arrays.stream(EventType.values()).map(EventType::wireName).toList());
        type.setClearButtonVisible(true);
        type.setWidth("16em");
        connector.addValueChangeListener(e -> reload());
        status.addValueChangeListener(e -> reload());
        type.addValueChangeListener(e -> reload());

        grid.addColumn(InboxEventView::id).setHeader("Event id").setAutoWidth(true);
        grid.addColumn(InboxEventView::type).setHeader("Type").setAutoWidth(true);
        grid.addColumn(InboxEventView::clientId).setHeader("Client").setAutoWidth(true);
        grid.addColumn(InboxEventView::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(e -> IntegrationsView.time(e.occurredAt())).setHeader("Occurred").setAutoWidth(true);
        grid.addColumn(e -> IntegrationsView.time(e.receivedAt())).setHeader("Received").setAutoWidth(true);
        grid.addColumn(e -> e.reason() == null ? "" : e.reason()).setHeader("Reason").setFlexGrow(1);
        grid.setSizeFull();
        grid.addSelectionListener(e -> show(e.getFirstSelectedItem().orElse(null)));

        replay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        replay.setTooltipText("Back to RECEIVED with attempts reset; only FAILED or PARKED events");
        raw.getStyle().set("white-space", "pre-wrap").set("overflow", "auto").set("max-height", "40vh")
                .set("font-size", "var(--lumo-font-size-s)");
        details.add(detailsText, replay, raw);
        details.setWidth("32em");
        details.getStyle().set("overflow", "auto");
        details.setVisible(false);

        HorizontalLayout body = new HorizontalLayout(grid, details);
        body.setSizeFull();
        HorizontalLayout filters = new HorizontalLayout(connector, status, type, summary);
        filters.setAlignItems(Alignment.BASELINE);
        add(new PageHeader("Events", "Every ingested event with its status; replay what failed."), filters, body);
        if (!all.isEmpty()) {
            connector.setValue(all.getFirst());
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter(CONNECTOR_PARAMETER).ifPresent(id ->
                connector.getListDataView().getItems().filter(c -> Long.toString(c.id()).equals(id)).findFirst()
                        .ifPresent(connector::setValue));
    }

    void reload() {
        ConnectorView selected = connector.getValue();
        if (selected == null) {
            grid.setItems(List.of());
            summary.setText("");
            return;
        }
        long total = inbox.events(selected.id(), status.getValue(), type.getValue(), 0, 1).totalItems();
        summary.setText(total + " events");
        grid.setItems(query -> inbox.events(selected.id(), status.getValue(), type.getValue(), query.getPage(),
                        query.getPageSize()).items().stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, inbox.events(selected.id(), status.getValue(), type.getValue(),
                        0, 1).totalItems()));
        show(null);
    }

    private void show(InboxEventView event) {
        details.setVisible(event != null);
        if (event == null) {
            return;
        }
        detailsText.setText(event.id() + " · " + event.type() + " · " + event.status()
                + (event.waitKey() != null ? " · waits for " + event.waitKey() : "")
                + (event.attempts() > 0 ? " · " + event.attempts() + " failed attempts" : "")
                + (event.reason() != null ? " · " + event.reason() : ""));
        replay.setEnabled(event.status().equals("FAILED") || event.status().equals("PARKED"));
        try {
            RawDelivery delivery = inbox.rawDelivery(event.connectorId(), event.id());
            raw.setText("Received " + IntegrationsView.time(delivery.receivedAt()) + " from " + delivery.remoteAddress()
                    + " (" + delivery.webhookId() + ")\n\n" + pretty(delivery.body()));
        } catch (NotFoundException gone) {
            raw.setText("The raw delivery is not stored.");
        }
    }

    void replaySelected() {
        grid.getSelectedItems().stream().findFirst().ifPresent(event -> {
            try {
                inbox.replay(event.connectorId(), event.id());
                Notification.show("Event " + event.id() + " queued again").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                reload();
            } catch (ConflictException | NotFoundException refused) {
                Notification.show(refused.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
    }

    /** Indented JSON when the body is JSON (and not huge); otherwise the text as it came. */
    static String pretty(String body) {
        if (body.length() > MAX_SHOWN_BODY) {
            return body.substring(0, MAX_SHOWN_BODY) + "\n… (" + body.length() + " characters in all)";
        }
        try {
            return JsonValues.mapper().writer().with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(JsonValues.mapper().readTree(body));
        } catch (JacksonException notJson) {
            return body;
        }
    }
}
