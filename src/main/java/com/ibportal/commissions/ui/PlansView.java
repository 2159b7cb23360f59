package com.ibportal.commissions.ui;

import com.ibportal.commissions.PlanDetails;
import com.ibportal.commissions.PlanJson;
import com.ibportal.commissions.PlanPut;
import com.ibportal.commissions.PlanService;
import com.ibportal.commissions.PlanSummary;
import com.ibportal.commissions.PlanVersionDetails;
import com.ibportal.commissions.PayoutWarning;
import com.ibportal.commissions.WhatIfService;
import com.ibportal.partners.PartnerService;
import com.ibportal.partners.PartnerSummary;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.NotFoundException;
import com.ibportal.ui.PageHeader;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.component.UI;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The admin's plans: the list, an editor with a card per rule (saving makes a new version), the version
 * history with a diff of any two versions, and assigning the plan to a partner.
 */
@Route("admin/plans")
@PageTitle("Plans · IB Portal")
@Menu(order = 102, icon = "vaadin:book-dollar", title = "Plans")
@RolesAllowed({"ADMIN"})
class PlansView extends VerticalLayout {

    private final PlanService plans;
    private final PartnerService partners;
    private final WhatIfService whatIf;
    private final Clock clock;

    final Grid<PlanSummary> list = new Grid<>();
    final Button newPlan = new Button("New plan", VaadinIcon.PLUS.create(), e -> startNewPlan());
    final PlanEditor editor;
    final VerticalLayout side = new VerticalLayout();
    final Grid<PlanVersionDetails> versions = new Grid<>();
    final ComboBox<Integer> diffFrom = new ComboBox<>("Compare version");
    final ComboBox<Integer> diffTo = new ComboBox<>("with version");
    final Pre diff = new Pre();
    final ComboBox<String> partner = new ComboBox<>("Partner");
    final DateTimePicker assignFrom = new DateTimePicker("From (UTC, optional)");
    final Button assign = new Button("Assign plan", VaadinIcon.USER_CHECK.create(), e -> assignToPartner());
    final Button simulate = new Button("Simulate this draft", VaadinIcon.FLASK.create(), e -> simulateDraft());
    final VerticalLayout payoutWarnings = new VerticalLayout();

    private PlanDetails shown;

    PlansView(PlanService plans, PartnerService partners, WhatIfService whatIf, Clock clock) {
        this.plans = plans;
        this.partners = partners;
        this.whatIf = whatIf;
        this.clock = clock;
        this.editor = new PlanEditor(plans, this::saved);
        setSizeFull();

        list.addColumn(PlanSummary::code).setHeader("Code").setAutoWidth(true);
        list.addColumn(PlanSummary::name).setHeader("Name").setAutoWidth(true);
        list.addColumn(p -> p.payoutCurrency().code()).setHeader("Currency").setAutoWidth(true);
        list.addColumn(p -> p.currentVersion() == p.latestVersion() ? "v" + p.currentVersion()
                : "v" + p.currentVersion() + " (v" + p.latestVersion() + " scheduled)").setHeader("Version").setAutoWidth(true);
        list.addColumn(p -> p.updatedAt().toString()).setHeader("Last change (UTC)").setAutoWidth(true);
        list.addThemeVariants(GridVariant.LUMO_COMPACT);
        list.setHeight("14em");
        list.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(p -> open(p.code())));
        newPlan.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        versions.addColumn(PlanVersionDetails::version).setHeader("Version").setAutoWidth(true);
        versions.addColumn(v -> v.effectiveFrom().toString()).setHeader("Effective from").setAutoWidth(true);
        versions.addColumn(v -> v.createdAt().toString()).setHeader("Created").setAutoWidth(true);
        versions.addColumn(PlanVersionDetails::createdBy).setHeader("By").setAutoWidth(true);
        versions.addThemeVariants(GridVariant.LUMO_COMPACT);
        versions.setAllRowsVisible(true);
        diffFrom.addValueChangeListener(e -> showDiff());
        diffTo.addValueChangeListener(e -> showDiff());
        diff.addClassName("plan-diff");
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        side.setPadding(false);
        simulate.setTooltipText("Run the form, unsaved, over last month in the what-if view");
        payoutWarnings.setPadding(false);
        payoutWarnings.setSpacing(false);
        payoutWarnings.addClassName("payout-warnings");
        payoutWarnings.setVisible(false);
        side.add(simulate, payoutWarnings, new H3("Versions"), versions, new HorizontalLayout(diffFrom, diffTo), diff,
                new H3("Assign to a partner"), new HorizontalLayout(partner, assignFrom), assign);
        side.setVisible(false);

        HorizontalLayout body = new HorizontalLayout(editor, side);
        body.setWidthFull();
        body.setAlignItems(FlexComponent.Alignment.START);
        editor.setWidth("60%");
        side.setWidth("40%");
        add(new PageHeader("Plans", "Commission plans: rules, versions and assignments to partners."), newPlan, list, body);
        refreshList();
    }

    private void refreshList() {
        list.setItems(plans.all());
    }

    private void startNewPlan() {
        list.deselectAll();
        shown = null;
        editor.newPlan();
        side.setVisible(false);
    }

    void open(String code) {
        payoutWarnings.setVisible(false);
        try {
            shown = plans.get(code);
        } catch (NotFoundException gone) {
            Notification.show(gone.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        editor.edit(shown);
        versions.setItems(shown.versions());
        List<Integer> numbers = shown.versions().stream().map(PlanVersionDetails::version).toList();
        diffFrom.setItems(numbers);
        diffTo.setItems(numbers);
        diffFrom.setValue(numbers.size() > 1 ? numbers.get(numbers.size() - 2) : numbers.getLast());
        diffTo.setValue(numbers.getLast());
        partner.setItems(partners.all().stream().map(PartnerSummary::code).toList());
        side.setVisible(true);
    }

    private void saved(PlanPut put) {
        refreshList();
        open(put.plan().code());
        warnAboutPayout(put);
    }

    /**
     * After a save, the saved version against last month's revenue per lot: a notice, not a refusal, since revenue
     * moves and a plan may pay above it on purpose for a while.
     */
    private void warnAboutPayout(PlanPut put) {
        YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);
        List<PayoutWarning> warnings = whatIf.payoutAboveRevenue(put.version().document(), lastMonth.atDay(1),
                lastMonth.atEndOfMonth());
        payoutWarnings.removeAll();
        payoutWarnings.add(new H3("Payout against revenue, " + lastMonth));
        WhatIfView.showWarnings(payoutWarnings, warnings);
        payoutWarnings.setVisible(true);
        long above = warnings.stream().filter(w -> w.kind() == PayoutWarning.Kind.PAYOUT_ABOVE_REVENUE).count();
        if (above > 0) {
            Notification notice = Notification.show(above + " symbol group(s) pay more per lot than the broker earned in "
                    + lastMonth + ": see the list beside the editor", 8000, Notification.Position.BOTTOM_START);
            notice.addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
    }

    /** Opens the what-if view on the form as it stands, saved or not. */
    private void simulateDraft() {
        if (shown == null) {
            return;
        }
        String json = editor.toJson(new HashMap<>()).toPrettyString();
        String code = shown.code();
        UI.getCurrent().navigate(WhatIfView.class).ifPresent(view -> view.useDraft(code, json));
    }

    /** A line diff of the two chosen versions' JSON. */
    void showDiff() {
        diff.removeAll();
        if (shown == null || diffFrom.getValue() == null || diffTo.getValue() == null) {
            return;
        }
        for (PlanDiff.Line line : PlanDiff.lines(pretty(diffFrom.getValue()), pretty(diffTo.getValue()))) {
            Span span = new Span(line + "\n");
            if (line.change() != PlanDiff.Change.SAME) {
                span.addClassName(line.change() == PlanDiff.Change.ADDED ? "diff-added" : "diff-removed");
            }
            diff.add(span);
        }
    }

    private String pretty(int version) {
        return shown.versions().stream().filter(v -> v.version() == version).findFirst()
                .map(v -> PlanJson.write(v.document()).toPrettyString()).orElse("");
    }

    private void assignToPartner() {
        if (shown == null || partner.getValue() == null) {
            partner.setErrorMessage("Choose a partner");
            partner.setInvalid(true);
            return;
        }
        partner.setInvalid(false);
        Instant from = assignFrom.getValue() == null ? null : assignFrom.getValue().toInstant(ZoneOffset.UTC);
        try {
            plans.assign(partner.getValue(), shown.code(), from);
            Notification.show(partner.getValue() + " has plan " + shown.code() + " from "
                    + (from == null ? "the beginning of time" : from)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException | NotFoundException refused) {
            Notification.show(refused.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
