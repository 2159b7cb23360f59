package com.ibportal.ingestion.ui;

import com.ibportal.ingestion.ConnectorChange;
import com.ibportal.ingestion.ConnectorHealth;
import com.ibportal.ingestion.ConnectorService;
import com.ibportal.ingestion.ConnectorView;
import com.ibportal.ingestion.ConnectorKind;
import com.ibportal.ingestion.CreatedConnector;
import com.ibportal.ingestion.CsvImportService;
import com.ibportal.ingestion.InboxService;
import com.ibportal.ingestion.NewConnector;
import com.ibportal.ingestion.PollReport;
import com.ibportal.ingestion.PollingService;
import com.ibportal.ingestion.WriteBackService;
import com.ibportal.ingestion.RotatedSecret;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.NotFoundException;
import com.ibportal.ui.PageHeader;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Connectors with their health (last event, volume in the last hour, what waits or failed) and their secrets. */
@Route("admin/integrations")
@PageTitle("Integrations · IB Portal")
@Menu(order = 103, icon = "vaadin:connect", title = "Integrations")
@RolesAllowed({"ADMIN"})
class IntegrationsView extends VerticalLayout {

    static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final ConnectorService connectors;
    private final InboxService inbox;
    private final WriteBackService writeBacks;
    private final PollingService polling;
    private final CsvImportService imports;

    final Grid<ConnectorView> grid = new Grid<>();
    final Button newConnector = new Button("New connector", VaadinIcon.PLUS.create(), e -> openNewConnectorDialog());
    private Map<Long, ConnectorHealth> health = Map.of();

    IntegrationsView(ConnectorService connectors, InboxService inbox, WriteBackService writeBacks, PollingService polling,
                     CsvImportService imports) {
        this.connectors = connectors;
        this.inbox = inbox;
        this.writeBacks = writeBacks;
        this.polling = polling;
        this.imports = imports;
        setSizeFull();
        grid.addColumn(ConnectorView::name).setHeader("Name").setAutoWidth(true).setSortable(true);
        grid.addColumn(c -> c.kind().name()).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(ConnectorView::format).setHeader("Format").setAutoWidth(true);
        grid.addColumn(c -> c.enabled() ? "Enabled" : "Disabled").setHeader("State").setAutoWidth(true);
        grid.addColumn(c -> time(healthOf(c).lastEventAt())).setHeader("Last event").setAutoWidth(true);
        grid.addColumn(c -> healthOf(c).eventsLastHour()).setHeader("Last hour").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(c -> healthOf(c).received()).setHeader("Waiting").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(c -> healthOf(c).parked()).setHeader("Parked").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(c -> healthOf(c).failed()).setHeader("Failed").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(c -> lag(healthOf(c))).setHeader("Polling lag").setAutoWidth(true)
                .setTooltipGenerator(c -> healthOf(c).pollingError() == null ? "" : "Last error: " + healthOf(c).pollingError());
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setSizeFull();
        newConnector.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new PageHeader("Integrations", "Connectors to the CRM and trading platforms, and their health."),
                new HorizontalLayout(newConnector), grid);
        refresh();
    }

    void refresh() {
        health = inbox.health().stream().collect(Collectors.toMap(ConnectorHealth::connectorId, Function.identity()));
        grid.setItems(connectors.list());
    }

    ConnectorHealth healthOf(ConnectorView connector) {
        return health.getOrDefault(connector.id(), new ConnectorHealth(connector.id(), null, 0, 0, 0, 0, null, null, null, 0));
    }

    private HorizontalLayout actions(ConnectorView connector) {
        Button toggle = new Button(connector.enabled() ? "Disable" : "Enable", e -> toggle(connector));
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button events = new Button("Events", e -> getUI().ifPresent(ui -> ui.navigate(EventsView.class,
                QueryParameters.of(EventsView.CONNECTOR_PARAMETER, Long.toString(connector.id())))));
        events.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout actions = new HorizontalLayout(toggle, events);
        if (connector.kind().name().equals("WEBHOOK") || connector.kind().name().equals("POSTBACK")) {
            Button rotate = new Button("Rotate secret", e -> rotate(connector));
            rotate.addThemeVariants(ButtonVariant.LUMO_SMALL);
            rotate.setTooltipText("A new secret, shown once; the current one keeps working until the next rotation");
            actions.add(rotate);
        }
        if (connector.kind().name().equals("WEBHOOK")) {
            Button sent = new Button("Write-backs", e -> new WriteBacksDialog(writeBacks, connector).open());
            sent.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(sent);
        }
        if (connector.kind().name().equals("POLLING")) {
            Button poll = new Button("Poll now", e -> pollNow(connector));
            poll.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(poll);
        }
        if (connector.kind() == ConnectorKind.CSV) {
            Button importCsv = new Button("Import CSV", e -> openImport(connector));
            importCsv.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(importCsv);
        }
        actions.setSpacing(true);
        return actions;
    }

    void toggle(ConnectorView connector) {
        if (succeeded(() -> connectors.change(connector.id(), new ConnectorChange(null, !connector.enabled(), null)))) {
            refresh();
            Notification.show(connector.name() + (connector.enabled() ? " disabled" : " enabled"));
        }
    }

    void pollNow(ConnectorView connector) {
        PollReport report = polling.pollNow(connector.id());
        refresh();
        if (report.error() != null) {
            error("Polling " + connector.name() + " failed: " + report.error());
        } else {
            Notification.show(report.locked() ? "Another instance is polling " + connector.name() + " right now"
                    : connector.name() + ": " + report.pages() + " pages, " + report.stored() + " new events");
        }
    }

    /** "3 min" (errors: with a mark; the tooltip says which); "—" for connectors that do not poll. */
    static String lag(ConnectorHealth health) {
        if (health.pollingLagSeconds() == null) {
            return health.pollingError() == null ? "—" : "never caught up ⚠";
        }
        long seconds = health.pollingLagSeconds();
        String text = seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
        return health.pollingError() == null ? text : text + " ⚠";
    }

    SecretDialog rotate(ConnectorView connector) {
        RotatedSecret[] rotated = new RotatedSecret[1];
        if (!succeeded(() -> rotated[0] = connectors.rotateSecret(connector.id()))) {
            return null;
        }
        refresh();
        SecretDialog dialog = new SecretDialog("New secret for " + connector.name(), rotated[0].secret(),
                "The previous secret keeps verifying until the next rotation, so the sender can switch without losing deliveries.");
        dialog.open();
        return dialog;
    }

    CsvImportDialog openImport(ConnectorView connector) {
        CsvImportDialog dialog = new CsvImportDialog(imports, connector, CsvImportDialog.backgroundThreads());
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                refresh();
            }
        });
        dialog.open();
        return dialog;
    }

    private void openNewConnectorDialog() {
        NewConnectorDialog dialog = new NewConnectorDialog();
        dialog.addCreateListener(e -> {
            JsonNode settings;
            try {
                String text = dialog.settings.getValue();
                settings = text == null || text.isBlank() ? null : JsonValues.mapper().readTree(text);
            } catch (JacksonException notJson) {
                error("Settings must be a JSON object, e.g. {\"serverId\": \"mt5-live\", \"serverZone\": \"Europe/Athens\"}");
                return;
            }
            NewConnector request = new NewConnector(dialog.name.getValue(), dialog.kind.getValue(), dialog.format.getValue(),
                    true, settings);
            CreatedConnector[] created = new CreatedConnector[1];
            if (!succeeded(() -> created[0] = connectors.create(request))) {
                return;
            }
            dialog.close();
            refresh();
            if (created[0].secret() != null) {
                new SecretDialog("Secret for " + created[0].name(), created[0].secret(),
                        "Give it to the sender now: it is shown only this once.").open();
            } else {
                Notification.show("Connector " + created[0].name() + " created").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }
        });
        dialog.open();
    }

    /** Runs a service call, showing its refusal as a notification; true when it went through. */
    private static boolean succeeded(Supplier<?> call) {
        try {
            call.get();
            return true;
        } catch (InvalidInputException invalid) {
            error(invalid.problems().stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        } catch (ConflictException | NotFoundException | IllegalArgumentException refused) {
            error(refused.getMessage());
        }
        return false;
    }

    private static void error(String message) {
        Notification.show(message, 8000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    static String time(Instant instant) {
        return instant == null ? "—" : UTC_TIME.format(instant);
    }

    static List<String> kinds() {
        return List.of("WEBHOOK", "POSTBACK", "POLLING", "CSV");
    }
}
