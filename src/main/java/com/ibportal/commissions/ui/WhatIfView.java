package com.ibportal.commissions.ui;

import com.ibportal.commissions.PayoutWarning;
import com.ibportal.commissions.PlanDetails;
import com.ibportal.commissions.PlanDocument;
import com.ibportal.commissions.PlanJson;
import com.ibportal.commissions.PlanService;
import com.ibportal.commissions.PlanSummary;
import com.ibportal.commissions.WhatIfReport;
import com.ibportal.commissions.WhatIfService;
import com.ibportal.partners.PartnerService;
import com.ibportal.partners.PartnerSummary;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.NotFoundException;
import com.ibportal.ui.PageHeader;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.charts.model.ChartType;
import com.vaadin.flow.component.charts.model.Configuration;
import com.vaadin.flow.component.charts.model.ListSeries;
import com.vaadin.flow.component.charts.model.XAxis;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin's what-if: a draft of a plan (JSON, prefilled with the version in force, or sent from the plan editor)
 * run over a past period for the whole program or one partner, beside what the plans in force pay, with the
 * payout-above-revenue warnings. The run can take seconds on a long range, so it runs off the request thread while
 * a progress bar shows and the UI polls for the answer.
 */
@Route("admin/what-if")
@PageTitle("What-if · IB Portal")
@Menu(order = 102.5, icon = "vaadin:flask", title = "What-if")
@RolesAllowed({"ADMIN"})
class WhatIfView extends VerticalLayout {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final int CHART_PARTNERS = 10;
    private static final int POLL_MILLIS = 500;

    private final WhatIfService whatIf;
    private final PlanService plans;
    // Runs the simulation on a virtual thread as the signed-in admin (the service checks the role).
    private final Executor background = new DelegatingSecurityContextExecutor(
            task -> Thread.ofVirtual().name("what-if").start(task));

    final ComboBox<PlanSummary> plan = new ComboBox<>("Plan");
    final DraftTextArea draft = new DraftTextArea();
    final Span draftError = new Span();
    final ComboBox<String> partner = new ComboBox<>("Partner (optional)");
    final DatePicker from = new DatePicker("From (UTC)");
    final DatePicker to = new DatePicker("To (UTC)");
    final Button run = new Button("Run", VaadinIcon.PLAY.create(), e -> run());
    final BusyIndicator progress = new BusyIndicator();
    final Span progressText = new Span("Simulating…");
    final HorizontalLayout busy = new HorizontalLayout(progress, progressText);
    final Div errors = new Div();
    final VerticalLayout results = new VerticalLayout();
    final Grid<WhatIfReport.Totals> totals = new Grid<>();
    final Grid<WhatIfReport.PartnerResult> partners = new Grid<>();
    final Span truncated = new Span();
    final Chart chart = new Chart(ChartType.COLUMN);
    final ListSeries currentSeries = new ListSeries("Current");
    final ListSeries draftSeries = new ListSeries("Draft");
    final VerticalLayout warnings = new VerticalLayout();
    final VerticalLayout notes = new VerticalLayout();

    /** The run in progress or last finished; tests wait on it. */
    CompletableFuture<WhatIfReport> running = CompletableFuture.completedFuture(null);

    WhatIfView(WhatIfService whatIf, PlanService plans, PartnerService partnerService, Clock clock) {
        this.whatIf = whatIf;
        this.plans = plans;
        setSizeFull();

        plan.setItems(plans.all());
        plan.setItemLabelGenerator(p -> p.code() + " · " + p.name());
        plan.addValueChangeListener(e -> {
            // A user's pick loads that plan's version in force; a draft sent from the editor is kept.
            if (e.isFromClient() || draft.isEmpty()) {
                prefill(e.getValue());
            }
        });
        plan.setWidth("22em");
        partner.setItems(partnerService.all().stream().map(PartnerSummary::code).toList());
        partner.setClearButtonVisible(true);
        partner.setHelperText("Empty: every partner holding the plan");
        YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);
        from.setValue(lastMonth.atDay(1));
        to.setValue(lastMonth.atEndOfMonth());
        draft.addClassName("what-if-draft");
        draftError.addClassName("what-if-draft-error");
        draftError.getStyle().set("color", "var(--lumo-error-text-color)");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        busy.setAlignItems(FlexComponent.Alignment.CENTER);
        busy.setVisible(false);
        errors.addClassName("what-if-errors");

        totals.addColumn(WhatIfReport.Totals::currency).setHeader("Currency").setAutoWidth(true);
        amountColumn(totals, "Ledger now", WhatIfReport.Totals::currentLedger);
        amountColumn(totals, "Current plans", WhatIfReport.Totals::recomputedCurrent);
        amountColumn(totals, "Draft", WhatIfReport.Totals::draft);
        amountColumn(totals, "Difference", WhatIfReport.Totals::difference);
        totals.setAllRowsVisible(true);
        totals.addThemeVariants(GridVariant.LUMO_COMPACT);

        partners.addColumn(WhatIfReport.PartnerResult::partnerCode).setHeader("Partner").setSortable(true)
                .setComparator(WhatIfReport.PartnerResult::partnerCode).setAutoWidth(true);
        partners.addColumn(WhatIfReport.PartnerResult::currency).setHeader("Currency").setAutoWidth(true);
        amountColumn(partners, "Ledger now", WhatIfReport.PartnerResult::currentLedger);
        amountColumn(partners, "Current plans", WhatIfReport.PartnerResult::recomputedCurrent);
        amountColumn(partners, "Draft", WhatIfReport.PartnerResult::draft);
        Grid.Column<WhatIfReport.PartnerResult> difference = amountColumn(partners, "Difference", WhatIfReport.PartnerResult::difference);
        partners.addColumn(WhatIfReport.PartnerResult::trades).setHeader("Trades").setSortable(true)
                .setComparator(WhatIfReport.PartnerResult::trades).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        partners.addThemeVariants(GridVariant.LUMO_COMPACT);
        partners.setHeight("24em");
        partners.sort(List.of(new GridSortOrder<>(difference, SortDirection.DESCENDING)));

        Configuration conf = chart.getConfiguration();
        conf.setTitle("Current vs draft: the " + CHART_PARTNERS + " biggest differences");
        conf.getyAxis().setTitle("Commission");
        conf.setSeries(currentSeries, draftSeries);
        chart.setId("what-if-chart");
        chart.setHeight("340px");

        warnings.setPadding(false);
        warnings.setSpacing(false);
        notes.setPadding(false);
        notes.setSpacing(false);
        results.setPadding(false);
        results.add(new H3("Program totals"), totals, new H3("Payout above revenue"), warnings, new H3("Per partner"), truncated,
                partners, chart, new H3("Notes"), notes);
        results.setVisible(false);

        HorizontalLayout inputs = new HorizontalLayout(plan, partner, from, to, run);
        inputs.setAlignItems(FlexComponent.Alignment.BASELINE);
        inputs.setWrap(true);
        add(new PageHeader("What-if", "Run a draft plan over a past period without writing anything, beside what the plans"
                + " in force pay."), inputs, new H3("Draft (plan JSON)"), draft, draftError, busy, errors,
                results);
    }

    /** Opens the view on a draft made elsewhere (the plan editor's "Simulate this draft"). */
    void useDraft(String planCode, String draftJson) {
        draft.setValue(draftJson);
        plan.getListDataView().getItems().filter(p -> p.code().equals(planCode)).findFirst().ifPresent(plan::setValue);
    }

    private void prefill(PlanSummary summary) {
        if (summary == null) {
            return;
        }
        try {
            PlanDetails details = plans.get(summary.code());
            draft.setValue(PlanJson.write(details.current().document()).toPrettyString());
        } catch (NotFoundException gone) {
            showError(gone.getMessage());
        }
    }

    void run() {
        errors.removeAll();
        draftError.setText("");
        if (plan.getValue() == null) {
            plan.setErrorMessage("Choose the plan the draft is a version of");
            plan.setInvalid(true);
            return;
        }
        plan.setInvalid(false);
        PlanDocument document;
        try {
            document = PlanJson.read(JSON.readTree(draft.getValue()));
        } catch (JacksonException notJson) {
            draftError.setText("Not JSON: " + notJson.getOriginalMessage());
            return;
        } catch (InvalidInputException invalid) {
            showProblems(invalid);
            return;
        }
        String planCode = plan.getValue().code();
        String partnerCode = partner.getValue();
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        UI ui = UI.getCurrent();
        busy.setVisible(true);
        run.setEnabled(false);
        ui.setPollInterval(POLL_MILLIS);
        // The chain ends once the answer is queued for the UI, so a test can wait for it and then run the queue.
        running = CompletableFuture.supplyAsync(() -> whatIf.simulate(planCode, document, partnerCode, start, end), background)
                .handle((report, failure) -> {
                    ui.access(() -> finished(ui, report, failure));
                    return report;
                });
    }

    private void finished(UI ui, WhatIfReport report, Throwable failure) {
        busy.setVisible(false);
        run.setEnabled(true);
        ui.setPollInterval(-1);
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        if (cause instanceof InvalidInputException invalid) {
            showProblems(invalid);
        } else if (cause != null) {
            showError(cause instanceof NotFoundException ? cause.getMessage() : "The simulation failed: " + cause.getMessage());
        } else {
            show(report);
        }
    }

    void show(WhatIfReport report) {
        totals.setItems(report.totals());
        partners.setItems(report.partners());
        truncated.setText(report.truncated() ? "Showing the " + report.partners().size() + " biggest differences of "
                + report.partnerRows() + " rows." : report.partnerRows() + " row(s), " + report.tradesSimulated()
                + " trade(s) simulated, " + report.tradesAffected() + " with the draft on their path.");
        List<WhatIfReport.PartnerResult> top = report.partners().stream()
                .sorted(Comparator.comparing((WhatIfReport.PartnerResult r) -> r.difference().abs()).reversed())
                .limit(CHART_PARTNERS).toList();
        XAxis xAxis = chart.getConfiguration().getxAxis();
        xAxis.setCategories(top.stream().map(r -> r.partnerCode() + " (" + r.currency() + ")").toArray(String[]::new));
        currentSeries.setData(top.stream().map(WhatIfReport.PartnerResult::recomputedCurrent).toArray(Number[]::new));
        draftSeries.setData(top.stream().map(WhatIfReport.PartnerResult::draft).toArray(Number[]::new));
        chart.drawChart();
        warnings.removeAll();
        showWarnings(warnings, report.warnings());
        notes.removeAll();
        report.notes().forEach(note -> notes.add(new Span(note)));
        results.setVisible(true);
    }

    /** The warnings as lines, payout above revenue first and marked; also used by the plan editor after a save. */
    static void showWarnings(VerticalLayout target, List<PayoutWarning> list) {
        if (list.isEmpty()) {
            target.add(new Span("No symbol group pays more per lot than the broker earned."));
            return;
        }
        list.stream().sorted(Comparator.comparing(PayoutWarning::kind)).forEach(warning -> {
            Span line = new Span(warning.message());
            line.addClassName(warning.kind() == PayoutWarning.Kind.PAYOUT_ABOVE_REVENUE ? "payout-above-revenue" : "payout-no-data");
            if (warning.kind() == PayoutWarning.Kind.PAYOUT_ABOVE_REVENUE) {
                line.getElement().getThemeList().add("badge error");
            }
            target.add(line);
        });
    }

    private void showProblems(InvalidInputException invalid) {
        invalid.problems().forEach(p -> errors.add(new Div(p.field() + ": " + p.message())));
        if (invalid.problems().stream().anyMatch(p -> !List.of("from", "to", "partnerCode").contains(p.field()))) {
            draftError.setText("The draft is not a valid plan: see the problems listed below");
        }
    }

    private void showError(String message) {
        errors.add(new Div(message));
    }

    private static <T> Grid.Column<T> amountColumn(Grid<T> grid, String header, java.util.function.Function<T, BigDecimal> value) {
        return grid.addColumn(row -> value.apply(row).toPlainString()).setHeader(header).setTextAlign(ColumnTextAlign.END)
                .setSortable(true).setComparator(value::apply).setAutoWidth(true);
    }
}
