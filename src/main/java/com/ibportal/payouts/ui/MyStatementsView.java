package com.ibportal.payouts.ui;

import com.ibportal.payouts.StatementService;
import com.ibportal.payouts.StatementSummary;
import com.ibportal.ui.PageHeader;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** An IB's own statements, newest first, each downloadable as PDF and CSV. */
@Route("statements")
@PageTitle("Statements · IB Portal")
@Menu(order = 5, icon = "vaadin:file-text-o", title = "Statements")
@RolesAllowed({"IB"})
class MyStatementsView extends VerticalLayout {

    private final StatementService statementService;
    final Grid<StatementSummary> grid = new Grid<>();
    StatementDialog detail;

    MyStatementsView(StatementService statementService) {
        this.statementService = statementService;
        setSizeFull();
        grid.addColumn(StatementSummary::period).setHeader("Period").setAutoWidth(true);
        grid.addColumn(StatementSummary::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(s -> s.openingBalance().toPlainString()).setHeader("Opening balance").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(s -> s.total().toPlainString()).setHeader("Total").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(StatementSummary::currency).setHeader("Currency");
        grid.addColumn(s -> s.paidOn() == null ? "" : s.paidOn().toString()).setHeader("Paid on");
        grid.addComponentColumn(s -> new HorizontalLayout(
                        new Button("Open", e -> open(s.id())),
                        StatementDialog.downloadLink(statementService, "PDF", s.id(), true),
                        StatementDialog.downloadLink(statementService, "CSV", s.id(), false)))
                .setHeader("").setAutoWidth(true);
        add(new PageHeader("Statements", "Your statement for each closed period. A total that is negative or under the "
                + "minimum payout is carried into the next period's opening balance."), grid);
        grid.setItems(statementService.statements(null, null, null, null));
    }

    void open(long id) {
        detail = new StatementDialog(statementService, id, false, () -> { });
        detail.open();
    }
}
