package com.ibportal.payouts.ui;

import com.ibportal.payouts.PeriodService;
import com.ibportal.payouts.PeriodTotal;
import com.ibportal.payouts.PeriodView;
import com.ibportal.payouts.StatementService;
import com.ibportal.payouts.StatementStatus;
import com.ibportal.payouts.StatementSummary;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.ui.PageHeader;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** Finance's payout desk: periods with their totals and the close, the period's statements, approval and payment. */
@Route("admin/payouts")
@PageTitle("Payouts · IB Portal")
@Menu(order = 105, icon = "vaadin:wallet", title = "Payouts")
@RolesAllowed({"ADMIN", "FINANCE"})
class PayoutsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final PeriodService periodService;
    private final StatementService statementService;

    final Grid<PeriodView> periods = new Grid<>();
    final Button closePeriod = new Button("Close period…", VaadinIcon.LOCK.create());
    final Grid<StatementSummary> statements = new Grid<>();
    final ComboBox<StatementStatus> status = new ComboBox<>("Status", StatementStatus.values());
    final TextField partner = new TextField("Partner");
    final TextField minAmount = new TextField("Min amount");
    final Button approveSelected = new Button("Approve selected", VaadinIcon.CHECK.create());
    final Anchor payoutFile = new Anchor();
    final H3 statementsTitle = new H3("Statements");
    private final HorizontalLayout filters;
    /** The confirmation (and then result) dialog of the last close asked for. */
    Dialog closeDialog;
    Button confirmClose;
    StatementDialog detail;

    PayoutsView(PeriodService periodService, StatementService statementService) {
        this.periodService = periodService;
        this.statementService = statementService;
        setSizeFull();

        periods.addColumn(PeriodView::period).setHeader("Period").setAutoWidth(true);
        periods.addColumn(PeriodView::status).setHeader("Status").setAutoWidth(true);
        periods.addColumn(p -> p.isClosed() ? totals(p.statements(), "statements") : totals(p.lines(), "lines"))
                .setHeader("Totals").setFlexGrow(1);
        periods.addColumn(p -> p.closedAt() == null ? "" : WHEN.format(p.closedAt()) + " by " + p.closedBy())
                .setHeader("Closed").setAutoWidth(true);
        periods.setHeight("260px");
        periods.addThemeVariants(GridVariant.LUMO_COMPACT);
        periods.asSingleSelect().addValueChangeListener(e -> periodChosen(e.getValue()));
        closePeriod.setEnabled(false);
        closePeriod.addClickListener(e -> confirmClose(periods.asSingleSelect().getValue()));

        statements.setSelectionMode(Grid.SelectionMode.MULTI);
        statements.addColumn(StatementSummary::partnerCode).setHeader("Partner").setAutoWidth(true).setSortable(true);
        statements.addColumn(s -> s.partnerName() == null ? "" : s.partnerName()).setHeader("Name").setAutoWidth(true);
        statements.addColumn(StatementSummary::status).setHeader("Status").setAutoWidth(true).setSortable(true);
        statements.addColumn(s -> s.openingBalance().toPlainString()).setHeader("Opening").setTextAlign(ColumnTextAlign.END);
        statements.addColumn(s -> s.total().toPlainString()).setHeader("Total").setTextAlign(ColumnTextAlign.END)
                .setComparator(StatementSummary::total);
        statements.addColumn(StatementSummary::currency).setHeader("Currency");
        statements.addColumn(StatementSummary::lineCount).setHeader("Lines");
        statements.addComponentColumn(s -> new Button("Open", e -> openStatement(s.id()))).setHeader("").setAutoWidth(true);
        statements.addSelectionListener(e -> approveSelected.setEnabled(!e.getAllSelectedItems().isEmpty()));
        statements.addThemeVariants(GridVariant.LUMO_COMPACT);

        status.setClearButtonVisible(true);
        status.addValueChangeListener(e -> refreshStatements());
        partner.setClearButtonVisible(true);
        partner.setValueChangeMode(ValueChangeMode.LAZY);
        partner.addValueChangeListener(e -> refreshStatements());
        minAmount.setClearButtonVisible(true);
        minAmount.setValueChangeMode(ValueChangeMode.LAZY);
        minAmount.addValueChangeListener(e -> refreshStatements());
        approveSelected.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        approveSelected.setEnabled(false);
        approveSelected.addClickListener(e -> approveSelected());
        payoutFile.setText("Payout file (CSV)");
        payoutFile.setVisible(false);

        filters = new HorizontalLayout(status, partner, minAmount, approveSelected, payoutFile);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new PageHeader("Payouts", "Close a period to freeze its statements; approve them, pay them, export the payout file."),
                closePeriod, periods, statementsTitle, filters, statements);
        statements.setVisible(false);
        filters.setVisible(false);
        statementsTitle.setVisible(false);
        refreshPeriods(null);
    }


    private void periodChosen(PeriodView period) {
        closePeriod.setEnabled(period != null && !period.isClosed());
        boolean closed = period != null && period.isClosed();
        statements.setVisible(closed);
        filters.setVisible(closed);
        statementsTitle.setVisible(closed);
        payoutFile.setVisible(closed);
        if (closed) {
            statementsTitle.setText("Statements " + period.period());
            YearMonth month = YearMonth.parse(period.period());
            payoutFile.setHref(DownloadHandler.fromInputStream(event -> {
                byte[] body = statementService.payoutFile(month).getBytes(StandardCharsets.UTF_8);
                return new DownloadResponse(new ByteArrayInputStream(body), "payout-" + month + ".csv", "text/csv", body.length);
            }));
            refreshStatements();
        }
    }

    private void confirmClose(PeriodView period) {
        if (period == null || period.isClosed()) {
            return;
        }
        closeDialog = new Dialog();
        closeDialog.setHeaderTitle("Close " + period.period() + "?");
        closeDialog.add(new Paragraph("Closing runs the month-end rules (revenue share, retroactive tiers), puts every payable "
                + "line dated up to the end of " + period.period() + " and not yet in a period into it, and writes the "
                + "statements. Nothing changes a closed period: lines that arrive later go to the next one."));
        confirmClose = new Button("Close " + period.period(), e -> close(period));
        confirmClose.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        closeDialog.getFooter().add(new Button("Cancel", e -> closeDialog.close()), confirmClose);
        closeDialog.open();
    }

    private void close(PeriodView period) {
        try {
            PeriodView closed = periodService.close(YearMonth.parse(period.period()));
            closeDialog.removeAll();
            closeDialog.setHeaderTitle(closed.period() + " is closed");
            closeDialog.add(new Paragraph("Statements: " + totals(closed.statements(), "statements")),
                    new Paragraph("Lines: " + totals(closed.lines(), "lines")));
            closeDialog.getFooter().removeAll();
            closeDialog.getFooter().add(new Button("Done", e -> closeDialog.close()));
            refreshPeriods(closed.period());
        } catch (ConflictException ex) {
            Notification.show(ex.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            closeDialog.close();
        }
    }

    private void approveSelected() {
        List<Long> ids = statements.getSelectedItems().stream().map(StatementSummary::id).toList();
        try {
            statementService.approveAll(ids);
            Notification.show(ids.size() + (ids.size() == 1 ? " statement" : " statements") + " approved")
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ConflictException | InvalidInputException ex) {
            Notification.show(ex.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refreshStatements();
        refreshPeriods(selectedPeriod());
    }

    void openStatement(long id) {
        detail = new StatementDialog(statementService, id, true, () -> {
            refreshStatements();
            refreshPeriods(selectedPeriod());
        });
        detail.open();
    }

    private String selectedPeriod() {
        PeriodView selected = periods.asSingleSelect().getValue();
        return selected == null ? null : selected.period();
    }

    void refreshPeriods(String keepSelected) {
        List<PeriodView> all = periodService.periods();
        periods.setItems(all);
        if (keepSelected != null) {
            all.stream().filter(p -> p.period().equals(keepSelected)).findFirst().ifPresent(periods::select);
        }
    }

    void refreshStatements() {
        PeriodView period = periods.asSingleSelect().getValue();
        if (period == null || !period.isClosed()) {
            statements.setItems(List.of());
            return;
        }
        BigDecimal min = null;
        if (!minAmount.getValue().isBlank()) {
            try {
                min = new BigDecimal(minAmount.getValue().trim());
                minAmount.setInvalid(false);
            } catch (NumberFormatException ex) {
                minAmount.setErrorMessage("not a number");
                minAmount.setInvalid(true);
            }
        }
        statements.deselectAll();
        statements.setItems(statementService.statements(YearMonth.parse(period.period()), status.getValue(),
                partner.getValue(), min));
    }

    /** "DRAFT 3 · 450.00 USD, CARRIED 1 · 20.00 USD"; lines are counted rather than statements for open periods. */
    static String totals(List<PeriodTotal> totals, String what) {
        if (totals.isEmpty()) {
            return "no " + what;
        }
        return totals.stream().map(t -> t.status() + " " + t.count() + " · " + t.amount().toPlainString() + " " + t.currency())
                .collect(Collectors.joining(", "));
    }
}
