package com.ibportal.ingestion.ui;

import com.ibportal.ingestion.ConnectorView;
import com.ibportal.ingestion.WriteBackService;
import com.ibportal.ingestion.WriteBackView;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.NotFoundException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;

/** A connector's write-backs (newest first): status, attempts, last error, and a retry for FAILED ones. */
class WriteBacksDialog extends Dialog {

    private final WriteBackService writeBacks;
    private final ConnectorView connector;
    final ComboBox<String> status = new ComboBox<>("Status", List.of("PENDING", "DELIVERED", "FAILED"));
    final Grid<WriteBackView> grid = new Grid<>();

    WriteBacksDialog(WriteBackService writeBacks, ConnectorView connector) {
        this.writeBacks = writeBacks;
        this.connector = connector;
        setHeaderTitle("Write-backs of " + connector.name());
        setWidth("70em");
        status.setClearButtonVisible(true);
        status.addValueChangeListener(e -> refresh());
        grid.addColumn(w -> IntegrationsView.time(w.createdAt())).setHeader("Queued").setAutoWidth(true);
        grid.addColumn(WriteBackView::clientId).setHeader("Client").setAutoWidth(true);
        grid.addColumn(w -> w.payload().path("partnerCode").asString()).setHeader("Partner").setAutoWidth(true);
        grid.addColumn(WriteBackView::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(WriteBackView::attempts).setHeader("Attempts").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(w -> w.status().equals("DELIVERED") ? IntegrationsView.time(w.deliveredAt())
                : IntegrationsView.time(w.nextAttemptAt())).setHeader("Delivered / next").setAutoWidth(true);
        grid.addColumn(w -> w.lastError() == null ? "" : w.lastError()).setHeader("Last error").setFlexGrow(1);
        grid.addComponentColumn(this::retryButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        VerticalLayout content = new VerticalLayout(status, grid);
        content.setPadding(false);
        add(content);
        getFooter().add(new Button("Close", e -> close()));
        refresh();
    }

    void refresh() {
        grid.setItems(writeBacks.list(connector.id(), status.getValue(), 0, 200).items());
    }

    private Button retryButton(WriteBackView writeBack) {
        Button retry = new Button("Retry", e -> retry(writeBack));
        retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
        retry.setVisible(writeBack.status().equals("FAILED"));
        return retry;
    }

    void retry(WriteBackView writeBack) {
        try {
            writeBacks.retry(connector.id(), writeBack.id());
            Notification.show("Write-back queued again").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ConflictException | NotFoundException refused) {
            Notification.show(refused.getMessage(), 8000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }
}
