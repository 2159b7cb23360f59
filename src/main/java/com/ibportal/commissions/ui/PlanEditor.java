package com.ibportal.commissions.ui;

import com.ibportal.commissions.PlanDetails;
import com.ibportal.commissions.PlanDocument;
import com.ibportal.commissions.PlanJson;
import com.ibportal.commissions.PlanPut;
import com.ibportal.commissions.PlanService;
import com.ibportal.commissions.engine.Rule;
import com.ibportal.commissions.engine.RuleKind;
import com.ibportal.commissions.engine.SymbolGroup;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.InvalidInputException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Edits a plan as the API does: the form is turned into the plan JSON, read by {@link PlanJson} and saved by
 * {@link PlanService#putVersion} as a new version. Errors come back with the JSON path of the field, and are
 * shown on that field (or on the nearest enclosing card).
 */
class PlanEditor extends VerticalLayout {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PlanService plans;
    private final Consumer<PlanPut> onSaved;

    final H3 title = new H3("New plan");
    final TextField code = new TextField("Code");
    final TextField name = new TextField("Name");
    final TextField payoutCurrency = new TextField("Payout currency");
    final DateTimePicker effectiveFrom = new DateTimePicker("Effective from (UTC, optional)");
    final VerticalLayout groupsBox = new VerticalLayout();
    final List<GroupRow> groups = new ArrayList<>();
    final Button addGroup = new Button("Add symbol group", VaadinIcon.PLUS.create(), e -> addGroup("", ""));
    final VerticalLayout rulesBox = new VerticalLayout();
    final List<RuleCard> rules = new ArrayList<>();
    final ComboBox<RuleKind> newRuleKind = new ComboBox<>(null, RuleKind.values());
    final Button addRule = new Button("Add rule", VaadinIcon.PLUS.create(), e -> addRuleOfChosenKind());
    final Button save = new Button("Save as new version", VaadinIcon.CHECK.create(), e -> save());
    final Div errors = new Div();

    /** One symbol group: its name and comma-separated symbols or patterns. */
    final class GroupRow extends HorizontalLayout {
        final TextField groupName = new TextField();
        final TextField symbols = new TextField();
        final Button remove = new Button(VaadinIcon.TRASH.create());

        GroupRow(String nameValue, String symbolsValue) {
            groupName.setPlaceholder("FX_MAJORS");
            groupName.setValue(nameValue);
            groupName.setValueChangeMode(ValueChangeMode.ON_CHANGE);
            groupName.addValueChangeListener(e -> syncGroups());
            symbols.setPlaceholder("EURUSD, GBPUSD, XAU*");
            symbols.setValue(symbolsValue);
            symbols.setWidthFull();
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.addClickListener(e -> {
                groups.remove(this);
                groupsBox.remove(this);
                syncGroups();
            });
            setWidthFull();
            setAlignItems(FlexComponent.Alignment.BASELINE);
            add(groupName, symbols, remove);
        }
    }

    PlanEditor(PlanService plans, Consumer<PlanPut> onSaved) {
        this.plans = plans;
        this.onSaved = onSaved;
        setPadding(false);
        payoutCurrency.setMaxLength(3);
        payoutCurrency.setWidth("8em");
        payoutCurrency.setPlaceholder("USD");
        effectiveFrom.setHelperText("Empty: from now (version 1 always applies from the beginning of time)");
        FormLayout basics = new FormLayout(code, name, payoutCurrency, effectiveFrom);
        groupsBox.setPadding(false);
        groupsBox.setSpacing(false);
        rulesBox.setPadding(false);
        newRuleKind.setPlaceholder("Rule kind");
        newRuleKind.setItemLabelGenerator(RuleCard::title);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        errors.addClassName("plan-errors");
        HorizontalLayout ruleAdder = new HorizontalLayout(newRuleKind, addRule);
        add(title, basics, new H3("Symbol groups"), groupsBox, addGroup, new H3("Rules"), rulesBox, ruleAdder, errors, save);
        newPlan();
    }

    void newPlan() {
        title.setText("New plan");
        code.setReadOnly(false);
        code.clear();
        name.clear();
        payoutCurrency.setValue("USD");
        effectiveFrom.clear();
        groups.clear();
        groupsBox.removeAll();
        rules.clear();
        rulesBox.removeAll();
        clearErrors();
    }

    /** Loads the plan's latest version, the one a save builds on. */
    void edit(PlanDetails plan) {
        newPlan();
        title.setText("Plan " + plan.code() + " (latest: version " + plan.latest().version() + ")");
        code.setValue(plan.code());
        code.setReadOnly(true);
        PlanDocument document = plan.latest().document();
        name.setValue(document.name());
        payoutCurrency.setValue(document.payoutCurrency().code());
        for (SymbolGroup group : document.symbolGroups()) {
            addGroup(group.name(), String.join(", ", group.symbols()));
        }
        for (Rule rule : document.rules()) {
            add(RuleCard.of(rule, groupNames()));
        }
    }

    GroupRow addGroup(String groupName, String symbols) {
        GroupRow row = new GroupRow(groupName, symbols);
        groups.add(row);
        groupsBox.add(row);
        syncGroups();
        return row;
    }

    RuleCard addRule(RuleKind kind) {
        RuleCard card = new RuleCard(kind, groupNames());
        add(card);
        return card;
    }

    private void add(RuleCard card) {
        card.remove.addClickListener(e -> {
            rules.remove(card);
            rulesBox.remove(card);
        });
        rules.add(card);
        rulesBox.add(card);
    }

    private void addRuleOfChosenKind() {
        if (newRuleKind.getValue() != null) {
            addRule(newRuleKind.getValue());
            newRuleKind.clear();
        }
    }

    private void syncGroups() {
        List<String> names = groupNames();
        rules.forEach(card -> card.syncGroups(names));
    }

    private List<String> groupNames() {
        return groups.stream().map(g -> g.groupName.getValue().trim()).toList();
    }

    /** The form as plan JSON, registering where each path's errors are shown. */
    ObjectNode toJson(Map<String, ErrorTarget> targets) {
        ObjectNode json = NODES.objectNode();
        targets.put("name", ErrorTarget.of(name));
        targets.put("payoutCurrency", ErrorTarget.of(payoutCurrency));
        json.put("name", name.getValue().trim());
        json.put("payoutCurrency", payoutCurrency.getValue().trim());
        ArrayNode groupJson = json.putArray("symbolGroups");
        for (int i = 0; i < groups.size(); i++) {
            GroupRow row = groups.get(i);
            String path = "symbolGroups[" + i + "]";
            targets.put(path + ".name", ErrorTarget.of(row.groupName));
            targets.put(path + ".symbols", ErrorTarget.of(row.symbols));
            ObjectNode group = groupJson.addObject();
            group.put("name", row.groupName.getValue().trim());
            ArrayNode symbols = group.putArray("symbols");
            Arrays.stream(row.symbols.getValue().split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(symbols::add);
        }
        ArrayNode ruleJson = json.putArray("rules");
        for (int i = 0; i < rules.size(); i++) {
            ruleJson.add(rules.get(i).toJson("rules[" + i + "]", targets));
        }
        return json;
    }

    void save() {
        clearErrors();
        Map<String, ErrorTarget> targets = new HashMap<>();
        targets.put("code", ErrorTarget.of(code));
        targets.put("effectiveFrom", ErrorTarget.of(effectiveFrom));
        try {
            ObjectNode json = toJson(targets);
            Instant from = effectiveFrom.getValue() == null ? null : effectiveFrom.getValue().toInstant(ZoneOffset.UTC);
            PlanPut put = plans.putVersion(code.getValue().trim(), PlanJson.read(json), from);
            Notification.show(put.created() ? "Saved version " + put.version().version() + " of " + put.plan().code()
                    : "Nothing changed: this is version " + put.version().version()).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            onSaved.accept(put);
        } catch (InvalidInputException invalid) {
            invalid.problems().forEach(p -> show(targets, p.field(), p.message()));
            Notification.show("The plan was not saved: " + invalid.problems().size() + " problem(s)")
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (ConflictException conflict) {
            errors.add(new Div(conflict.getMessage()));
            Notification.show(conflict.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** Shows the message on the field of that path, or of the nearest enclosing path, or in the list below. */
    private void show(Map<String, ErrorTarget> targets, String field, String message) {
        for (String path = field; !path.isEmpty(); path = parent(path)) {
            ErrorTarget target = targets.get(path);
            if (target != null) {
                target.show(path.equals(field) ? message : field.substring(path.length()).replaceFirst("^\\.", "") + ": " + message);
                return;
            }
        }
        errors.add(new Div(field + ": " + message));
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    private void clearErrors() {
        errors.removeAll();
        List.of(code, name, payoutCurrency).forEach(f -> ErrorTarget.of(f).clear());
        ErrorTarget.of(effectiveFrom).clear();
        groups.forEach(g -> {
            ErrorTarget.of(g.groupName).clear();
            ErrorTarget.of(g.symbols).clear();
        });
        rules.forEach(RuleCard::clearErrors);
    }
}
