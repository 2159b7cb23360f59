package com.ibportal.partners.ui;

import com.ibportal.partners.NewPartner;
import com.ibportal.partners.PartnerChanges;
import com.ibportal.partners.PartnerClientFigures;
import com.ibportal.partners.PartnerService;
import com.ibportal.partners.PartnerSummary;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.NotFoundException;
import com.ibportal.ui.PageHeader;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * All partners as a tree, built from one query of all partners (and one of client counts), never a
 * query per node. The unmatched clients queue lives in the clients module (admin/unmatched-clients):
 * linking to it by route keeps partners from depending on clients.
 */
@Route("admin/partners")
@PageTitle("Partners · IB Portal")
@Menu(order = 101, icon = "vaadin:sitemap", title = "Partners")
@RolesAllowed({"ADMIN"})
class PartnersView extends VerticalLayout {

    static final String UNMATCHED_CLIENTS_ROUTE = "admin/unmatched-clients";
    /** The clients module's client detail page ("Find a client" without an id); a route string, as above. */
    static final String FIND_CLIENT_ROUTE = "admin/clients";

    private final PartnerService partners;
    private final PartnerClientFigures figures;
    private final Validator validator;
    private final Clock clock;

    final TreeGrid<PartnerSummary> tree = new TreeGrid<>();
    final TextField search = new TextField();
    final Button newPartner = new Button("New partner", VaadinIcon.PLUS.create(), e -> openNewPartnerDialog());
    final Button move = new Button("Move", VaadinIcon.ARROWS_LONG_RIGHT.create(), e -> openMoveDialog());
    final Button edit = new Button("Edit", VaadinIcon.EDIT.create(), e -> openEditDialog());
    final Button unmatchedClients = new Button("Unmatched clients", VaadinIcon.QUESTION_CIRCLE.create(),
            e -> getUI().ifPresent(ui -> ui.navigate(UNMATCHED_CLIENTS_ROUTE)));
    final Button findClient = new Button("Find a client", VaadinIcon.SEARCH.create(),
            e -> getUI().ifPresent(ui -> ui.navigate(FIND_CLIENT_ROUTE)));

    private List<PartnerSummary> all = List.of();
    private Map<Long, Long> clientCounts = Map.of();

    PartnersView(PartnerService partners, PartnerClientFigures figures, Validator validator, Clock clock) {
        this.partners = partners;
        this.figures = figures;
        this.validator = validator;
        this.clock = clock;
        setSizeFull();
        tree.addHierarchyColumn(PartnerSummary::code).setHeader("Code").setAutoWidth(true).setFlexGrow(0);
        tree.addColumn(PartnerSummary::name).setHeader("Name").setAutoWidth(true);
        tree.addColumn(PartnerSummary::email).setHeader("Email").setAutoWidth(true);
        tree.addColumn(p -> p.status().name()).setHeader("Status").setAutoWidth(true);
        tree.addColumn(p -> p.mayRecruit() ? "Yes" : "No").setHeader("May recruit").setAutoWidth(true);
        tree.addColumn(this::clientsOf).setHeader("Clients").setAutoWidth(true);
        tree.setSizeFull();
        tree.addSelectionListener(e -> {
            move.setEnabled(e.getFirstSelectedItem().isPresent());
            edit.setEnabled(e.getFirstSelectedItem().isPresent());
        });

        search.setPlaceholder("Search code, name or email");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> show());

        newPartner.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        move.setEnabled(false);
        edit.setEnabled(false);
        edit.setTooltipText("Edit name, email, status (suspend) and recruiting of the selected partner");
        move.setTooltipText("Move the selected partner, with its subtree, under another parent");
        HorizontalLayout toolbar = new HorizontalLayout(search, newPartner, edit, move, unmatchedClients, findClient);
        toolbar.setWidthFull();
        search.setWidth("20em");
        add(new PageHeader("Partners", "All IBs as a tree: create, edit, suspend and move partners (with their subtrees, from a date)."),
                toolbar, tree);
        refresh();
    }

    /** Reloads partners and client counts, then shows them with the current search. */
    private void refresh() {
        all = partners.all();
        clientCounts = figures.currentClientCountsByPartner();
        show();
    }

    /** Rebuilds the tree from what is loaded: with a search, the matches and their ancestors, all expanded. */
    private void show() {
        Map<String, PartnerSummary> byCode = all.stream().collect(Collectors.toMap(PartnerSummary::code, p -> p));
        String term = search.getValue() == null ? "" : search.getValue().trim().toLowerCase(Locale.ROOT);
        Set<String> shown = new HashSet<>();
        for (PartnerSummary partner : all) {
            if (term.isEmpty() || matches(partner, term)) {
                // Its ancestors too, so a match keeps its place in the tree.
                for (PartnerSummary p = partner; p != null && shown.add(p.code()); p = byCode.get(p.parentCode())) {
                }
            }
        }
        Map<String, List<PartnerSummary>> children = new HashMap<>();
        TreeData<PartnerSummary> data = new TreeData<>();
        List<PartnerSummary> roots = all.stream().filter(p -> shown.contains(p.code()))
                .filter(p -> p.parentCode() == null || !shown.contains(p.parentCode())).toList();
        all.stream().filter(p -> shown.contains(p.code()) && p.parentCode() != null && shown.contains(p.parentCode()))
                .forEach(p -> children.computeIfAbsent(p.parentCode(), k -> new java.util.ArrayList<>()).add(p));
        data.addItems(roots, p -> children.getOrDefault(p.code(), List.of()));
        tree.setTreeData(data);
        if (!term.isEmpty()) {
            tree.expandRecursively(roots, Integer.MAX_VALUE);
        }
    }

    /** The partner's own current clients (not its subtree's). */
    long clientsOf(PartnerSummary partner) {
        return clientCounts.getOrDefault(partner.id(), 0L);
    }

    private static boolean matches(PartnerSummary partner, String term) {
        return partner.code().toLowerCase(Locale.ROOT).contains(term)
                || partner.name().toLowerCase(Locale.ROOT).contains(term)
                || partner.email().toLowerCase(Locale.ROOT).contains(term);
    }

    private void openNewPartnerDialog() {
        NewPartnerDialog dialog = new NewPartnerDialog(all);
        dialog.addCreateListener(e -> {
            var request = e.partner();
            Set<ConstraintViolation<NewPartner>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                error(violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted()
                        .collect(Collectors.joining("; ")));
                return;
            }
            if (failed(() -> partners.create(request, e.password()))) {
                return;
            }
            dialog.close();
            refresh();
            Notification.show("Partner " + request.code() + " created").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        dialog.open();
    }

    private void openMoveDialog() {
        tree.getSelectedItems().stream().findFirst().ifPresent(selected -> {
            MovePartnerDialog dialog = new MovePartnerDialog(selected, all, clock.instant());
            dialog.addMoveListener(e -> {
                if (e.effectiveFrom() == null) {
                    error("Pick the date and time (UTC) the move takes effect");
                    return;
                }
                if (failed(() -> partners.move(e.code(), e.newParentCode(), e.effectiveFrom()))) {
                    return;
                }
                dialog.close();
                refresh();
                Notification.show("Partner " + e.code() + " moved").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            });
            dialog.open();
        });
    }

    private void openEditDialog() {
        tree.getSelectedItems().stream().findFirst().ifPresent(selected -> {
            EditPartnerDialog dialog = new EditPartnerDialog(selected);
            dialog.addSaveListener(e -> {
                PartnerChanges changes = e.changes();
                Set<ConstraintViolation<PartnerChanges>> violations = validator.validate(changes);
                if (!violations.isEmpty()) {
                    error(violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted()
                            .collect(Collectors.joining("; ")));
                    return;
                }
                if (failed(() -> partners.update(e.code(), changes))) {
                    return;
                }
                dialog.close();
                refresh();
                Notification.show("Partner " + e.code() + " saved").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            });
            dialog.open();
        });
    }

    /** Runs a service call, showing the service's refusal as a notification; true when it was refused. */
    private boolean failed(Runnable call) {
        try {
            call.run();
            return false;
        } catch (InvalidInputException | ConflictException | NotFoundException | IllegalArgumentException ex) {
            error(ex.getMessage());
            return true;
        }
    }

    private static void error(String message) {
        Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
