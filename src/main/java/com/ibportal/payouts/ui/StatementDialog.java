package com.ibportal.payouts.ui;

import com.ibportal.payouts.Payment;
import com.ibportal.payouts.StatementDetails;
import com.ibportal.payouts.StatementLine;
import com.ibportal.payouts.StatementSection;
import com.ibportal.payouts.StatementService;
import com.ibportal.payouts.StatementStatus;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.InvalidInputException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A statement with its sections and lines; staff can approve it or record its payment here. */
class StatementDialog extends Dialog {

    private final StatementService statements;
    private final boolean staff;
    private final Runnable changed;
    StatementDetails statement;

    final Paragraph summary = new Paragraph();
    final Grid<StatementSection> sections = new Grid<>();
    final Grid<StatementLine> lines = new Grid<>();
    final Button approve = new Button("Approve");
    final TextField reference = new TextField("Payment reference");
    final DatePicker paidOn = new DatePicker("Paid on");
    final Button markPaid = new Button("Mark paid");
    final HorizontalLayout payment = new HorizontalLayout(reference, paidOn, markPaid);

    StatementDialog(StatementService statements, long id, boolean staff, Runnable changed) {
        this.statements = statements;
        this.staff = staff;
        this.changed = changed;
        setWidth("min(1100px, 95vw)");
        sections.addColumn(StatementSection::title).setHeader("Section").setAutoWidth(true);
        sections.addColumn(StatementSection::lineCount).setHeader("Lines");
        sections.addColumn(s -> s.amount().toPlainString()).setHeader("Amount").setTextAlign(ColumnTextAlign.END);
        sections.setAllRowsVisible(true);
        sections.addThemeVariants(GridVariant.LUMO_COMPACT);
        lines.addColumn(l -> l.occurredAt().atZone(ZoneOffset.UTC).toLocalDate()).setHeader("Date").setAutoWidth(true);
        lines.addColumn(l -> l.clawback() ? "Clawback" : l.rule() + " / " + l.level()).setHeader("Section").setAutoWidth(true);
        lines.addColumn(l -> l.clientId() == null ? "" : l.clientId()).setHeader("Client").setAutoWidth(true);
        lines.addColumn(StatementLine::explanation).setHeader("Explanation").setFlexGrow(1);
        lines.addColumn(l -> l.amount().toPlainString()).setHeader("Amount").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        lines.setHeight("320px");
        lines.addThemeVariants(GridVariant.LUMO_COMPACT);
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        approve.addClickListener(e -> act(() -> statements.approve(statement.id()), "Statement approved"));
        paidOn.setValue(LocalDate.now(ZoneOffset.UTC));
        payment.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        markPaid.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        markPaid.addClickListener(e -> act(() -> statements.markPaid(statement.id(),
                new Payment(reference.getValue(), paidOn.getValue())), "Statement marked paid"));
        add(summary, sections, lines, payment);
        getFooter().add(downloadLink(statements, "CSV", id, false), downloadLink(statements, "PDF", id, true), approve, new Button("Close", e -> close()));
        show(statements.statement(id));
    }

    private void act(java.util.function.Supplier<StatementDetails> action, String done) {
        try {
            show(action.get());
            Notification.show(done).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            changed.run();
        } catch (InvalidInputException | ConflictException ex) {
            Notification.show(ex.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void show(StatementDetails s) {
        statement = s;
        setHeaderTitle("Statement #" + s.id() + " · " + s.partnerCode() + " · " + s.period());
        StringBuilder text = new StringBuilder(s.partnerName() == null ? s.partnerCode() : s.partnerName())
                .append(" · ").append(s.status())
                .append(" · opening balance ").append(s.openingBalance().toPlainString())
                .append(" · total ").append(s.total().toPlainString()).append(' ').append(s.currency());
        if (s.approvedBy() != null) {
            text.append(" · approved by ").append(s.approvedBy());
        }
        if (s.paymentReference() != null) {
            text.append(" · paid on ").append(s.paidOn()).append(", reference ").append(s.paymentReference());
        }
        if (s.status() == StatementStatus.CARRIED) {
            text.append(" · carried to the next period (negative or under the minimum payout)");
        }
        summary.setText(text.toString());
        sections.setItems(s.sections());
        lines.setItems(s.lines());
        approve.setVisible(staff && s.status() == StatementStatus.DRAFT);
        payment.setVisible(staff && s.status() == StatementStatus.APPROVED);
    }

    /** A link that downloads the statement as CSV or PDF (the service checks who may). */
    static Anchor downloadLink(StatementService statements, String label, long id, boolean pdf) {
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            byte[] body = pdf ? statements.pdf(id) : statements.csv(id).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(body), "statement-" + id + (pdf ? ".pdf" : ".csv"),
                    pdf ? "application/pdf" : "text/csv", body.length);
        });
        return new Anchor(handler, label);
    }
}
