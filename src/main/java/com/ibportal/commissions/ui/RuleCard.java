package com.ibportal.commissions.ui;

import com.ibportal.commissions.engine.OverrideMode;
import com.ibportal.commissions.engine.Rule;
import com.ibportal.commissions.engine.RuleKind;
import com.ibportal.commissions.engine.TierMode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One rule of the plan as a card with a typed form. Values are kept as typed text and written into the plan
 * JSON as they are, so the service's checks (and their field paths) are the only validation.
 */
class RuleCard extends Div {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    final RuleKind kind;
    final Button remove = new Button(VaadinIcon.TRASH.create());
    final Span message = new Span();

    // CPA
    final TextField amount = new TextField("Amount");
    final TextField minDeposit = new TextField("Min. first deposit");
    final TextField minLots = new TextField("Min. lots (optional)");
    final TextField windowDays = new TextField("Window days (optional)");
    // PER_LOT, SPREAD_SHARE
    final Grid<RateRow> rateGrid = new Grid<>();
    final List<RateRow> rates = new ArrayList<>();
    final TextField minHoldSeconds = new TextField("Min. hold seconds (optional)");
    // SPREAD_SHARE, REVENUE_SHARE
    final TextField percent = new TextField("Percent");
    final Checkbox carryForwardLosses = new Checkbox("Carry losses forward");
    // TIERED_PER_LOT
    final ComboBox<TierMode> tierMode = new ComboBox<>("Mode", TierMode.values());
    final Grid<TierRow> tierGrid = new Grid<>();
    final List<TierRow> tiers = new ArrayList<>();
    final Button addTier = new Button("Add tier", VaadinIcon.PLUS.create(), e -> addTier(null, null));
    // OVERRIDE
    final ComboBox<OverrideMode> overrideMode = new ComboBox<>("Mode", OverrideMode.values());
    final TextField maxDepth = new TextField("Max. depth (optional)");
    final TextField perLevel = new TextField();

    /** A PER_LOT rate of one symbol group. */
    static final class RateRow {
        final String group;
        final TextField rate = new TextField();

        RateRow(String group, String value) {
            this.group = group;
            rate.setPlaceholder("no rate");
            rate.setValue(value == null ? "" : value);
            rate.setWidthFull();
        }
    }

    /** One tier of TIERED_PER_LOT. */
    static final class TierRow {
        final TextField fromLots = new TextField();
        final TextField rate = new TextField();

        TierRow(String from, String value) {
            fromLots.setValue(from == null ? "" : from);
            rate.setValue(value == null ? "" : value);
            fromLots.setWidthFull();
            rate.setWidthFull();
        }
    }

    RuleCard(RuleKind kind, List<String> groupNames) {
        this.kind = kind;
        addClassName("rule-card");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setTooltipText("Remove this rule");
        message.addClassName("rule-card-error");
        message.setVisible(false);
        HorizontalLayout header = new HorizontalLayout(new H4(title(kind)), remove);
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        add(header, message);
        FormLayout form = new FormLayout();
        switch (kind) {
            case CPA -> form.add(amount, minDeposit, minLots, windowDays);
            case PER_LOT -> {
                rateGrid.addColumn(r -> r.group).setHeader("Symbol group").setAutoWidth(true);
                rateGrid.addComponentColumn(r -> r.rate).setHeader("Rate per lot");
                rateGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
                rateGrid.setAllRowsVisible(true);
                syncGroups(groupNames);
                add(rateGrid);
                form.add(minHoldSeconds);
            }
            case SPREAD_SHARE -> form.add(percent, minHoldSeconds);
            case REVENUE_SHARE -> form.add(percent, carryForwardLosses);
            case TIERED_PER_LOT -> {
                tierGrid.addComponentColumn(t -> t.fromLots).setHeader("From lots (monthly)");
                tierGrid.addComponentColumn(t -> t.rate).setHeader("Rate per lot");
                tierGrid.addComponentColumn(t -> {
                    Button drop = new Button(VaadinIcon.MINUS.create(), e -> {
                        tiers.remove(t);
                        tierGrid.setItems(tiers);
                    });
                    drop.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                    return drop;
                }).setFlexGrow(0).setWidth("4em");
                tierGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
                tierGrid.setAllRowsVisible(true);
                form.add(tierMode);
                add(form, tierGrid, addTier);
                return;
            }
            case OVERRIDE -> {
                overrideMode.addValueChangeListener(e -> showPerLevel());
                perLevel.setHelperText("Comma-separated, the first for distance 1 (the parent)");
                form.add(overrideMode, maxDepth, perLevel);
                showPerLevel();
            }
        }
        add(form);
    }

    static RuleCard of(Rule rule, List<String> groupNames) {
        RuleCard card = new RuleCard(rule.kind(), groupNames);
        switch (rule) {
            case Rule.Cpa cpa -> {
                card.amount.setValue(text(cpa.amount()));
                card.minDeposit.setValue(text(cpa.minDeposit()));
                card.minLots.setValue(text(cpa.minLots()));
                card.windowDays.setValue(text(cpa.windowDays()));
            }
            case Rule.PerLot perLot -> {
                card.rates.clear();
                groupNames.forEach(g -> card.rates.add(new RateRow(g, text(perLot.rates().get(g)))));
                card.rateGrid.setItems(card.rates);
                card.minHoldSeconds.setValue(text(perLot.minHoldSeconds()));
            }
            case Rule.SpreadShare share -> {
                card.percent.setValue(text(share.percent()));
                card.minHoldSeconds.setValue(text(share.minHoldSeconds()));
            }
            case Rule.RevenueShare share -> {
                card.percent.setValue(text(share.percent()));
                card.carryForwardLosses.setValue(share.carryForwardLosses());
            }
            case Rule.TieredPerLot tiered -> {
                card.tierMode.setValue(tiered.mode());
                tiered.tiers().forEach(t -> card.addTier(text(t.fromLots()), text(t.rate())));
            }
            case Rule.Override override -> {
                card.overrideMode.setValue(override.mode());
                card.maxDepth.setValue(text(override.maxDepth()));
                List<BigDecimal> values = override.mode() == OverrideMode.PER_LOT_PER_LEVEL ? override.rates() : override.percents();
                card.perLevel.setValue(values.stream().map(BigDecimal::toPlainString).collect(Collectors.joining(", ")));
            }
        }
        return card;
    }

    /** Keeps one PER_LOT rate row per symbol group, in the groups' order, keeping rates already typed. */
    void syncGroups(List<String> groupNames) {
        if (kind != RuleKind.PER_LOT) {
            return;
        }
        Map<String, String> typed = new LinkedHashMap<>();
        rates.forEach(r -> typed.put(r.group, r.rate.getValue()));
        rates.clear();
        groupNames.stream().filter(g -> !g.isBlank()).distinct().forEach(g -> rates.add(new RateRow(g, typed.get(g))));
        rateGrid.setItems(rates);
    }

    RateRow rateOf(String group) {
        return rates.stream().filter(r -> r.group.equals(group)).findFirst().orElseThrow();
    }

    void addTier(String from, String rate) {
        tiers.add(new TierRow(from, rate));
        tierGrid.setItems(tiers);
    }

    /** This rule as plan JSON; {@code path} ({@code rules[2]}) registers where each field's errors go. */
    ObjectNode toJson(String path, Map<String, ErrorTarget> targets) {
        ObjectNode json = NODES.objectNode();
        json.put("kind", kind.name());
        targets.put(path, ErrorTarget.of(message));
        targets.put(path + ".kind", ErrorTarget.of(message));
        switch (kind) {
            case CPA -> {
                put(json, path, "amount", amount, targets);
                put(json, path, "minDeposit", minDeposit, targets);
                put(json, path, "minLots", minLots, targets);
                putInteger(json, path, "windowDays", windowDays, targets);
            }
            case PER_LOT -> {
                ObjectNode rateJson = json.putObject("rates");
                targets.put(path + ".rates", ErrorTarget.of(message));
                for (RateRow row : rates) {
                    targets.put(path + ".rates." + row.group, ErrorTarget.of(row.rate));
                    if (!row.rate.getValue().isBlank()) {
                        rateJson.put(row.group, row.rate.getValue().trim());
                    }
                }
                putInteger(json, path, "minHoldSeconds", minHoldSeconds, targets);
            }
            case SPREAD_SHARE -> {
                put(json, path, "percent", percent, targets);
                putInteger(json, path, "minHoldSeconds", minHoldSeconds, targets);
            }
            case REVENUE_SHARE -> {
                put(json, path, "percent", percent, targets);
                json.put("carryForwardLosses", carryForwardLosses.getValue());
            }
            case TIERED_PER_LOT -> {
                targets.put(path + ".mode", ErrorTarget.of(tierMode));
                if (tierMode.getValue() != null) {
                    json.put("mode", tierMode.getValue().name());
                }
                targets.put(path + ".tiers", ErrorTarget.of(message));
                ArrayNode tierJson = json.putArray("tiers");
                for (int i = 0; i < tiers.size(); i++) {
                    TierRow row = tiers.get(i);
                    String at = path + ".tiers[" + i + "]";
                    ObjectNode tier = tierJson.addObject();
                    put(tier, at, "fromLots", row.fromLots, targets);
                    put(tier, at, "rate", row.rate, targets);
                }
            }
            case OVERRIDE -> {
                targets.put(path + ".mode", ErrorTarget.of(overrideMode));
                if (overrideMode.getValue() != null) {
                    json.put("mode", overrideMode.getValue().name());
                }
                putInteger(json, path, "maxDepth", maxDepth, targets);
                OverrideMode mode = overrideMode.getValue();
                if (mode != null && mode != OverrideMode.RATE_DIFFERENCE) {
                    String name = mode == OverrideMode.PER_LOT_PER_LEVEL ? "rates" : "percents";
                    targets.put(path + "." + name, ErrorTarget.of(perLevel));
                    ArrayNode values = json.putArray(name);
                    Arrays.stream(perLevel.getValue().split(",")).map(String::trim).filter(v -> !v.isEmpty()).forEach(values::add);
                }
            }
        }
        return json;
    }

    void clearErrors() {
        ErrorTarget.of(message).clear();
        List.of(amount, minDeposit, minLots, windowDays, minHoldSeconds, percent, maxDepth, perLevel)
                .forEach(f -> ErrorTarget.of(f).clear());
        ErrorTarget.of(tierMode).clear();
        ErrorTarget.of(overrideMode).clear();
        rates.forEach(r -> ErrorTarget.of(r.rate).clear());
        tiers.forEach(t -> {
            ErrorTarget.of(t.fromLots).clear();
            ErrorTarget.of(t.rate).clear();
        });
    }

    private void showPerLevel() {
        OverrideMode mode = overrideMode.getValue();
        perLevel.setVisible(mode == OverrideMode.PERCENT_OF_DOWNLINE || mode == OverrideMode.PER_LOT_PER_LEVEL);
        perLevel.setLabel(mode == OverrideMode.PER_LOT_PER_LEVEL ? "Rates per lot by distance" : "Percents by distance");
    }

    private static void put(ObjectNode json, String path, String name, TextField field, Map<String, ErrorTarget> targets) {
        targets.put(path + "." + name, ErrorTarget.of(field));
        if (!field.getValue().isBlank()) {
            json.put(name, field.getValue().trim());
        }
    }

    /** A whole number goes in as a number; anything else as typed, so that the service names the field. */
    private static void putInteger(ObjectNode json, String path, String name, TextField field, Map<String, ErrorTarget> targets) {
        targets.put(path + "." + name, ErrorTarget.of(field));
        String value = field.getValue().trim();
        if (value.isEmpty()) {
            return;
        }
        try {
            json.put(name, Integer.parseInt(value));
        } catch (NumberFormatException notWhole) {
            json.put(name, value);
        }
    }

    static String title(RuleKind kind) {
        return switch (kind) {
            case CPA -> "CPA";
            case PER_LOT -> "Per lot";
            case SPREAD_SHARE -> "Spread share";
            case REVENUE_SHARE -> "Revenue share";
            case TIERED_PER_LOT -> "Tiered per lot";
            case OVERRIDE -> "Override";
        };
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
