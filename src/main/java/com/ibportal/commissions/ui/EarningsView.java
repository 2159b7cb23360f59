package com.ibportal.commissions.ui;

import com.ibportal.commissions.ExcludedEvent;
import com.ibportal.commissions.LedgerEntry;
import com.ibportal.commissions.LedgerFilter;
import com.ibportal.commissions.LedgerFilter.Levels;
import com.ibportal.commissions.LedgerLineView;
import com.ibportal.commissions.LedgerService;
import com.ibportal.commissions.engine.LineStatus;
import com.ibportal.commissions.engine.RuleKind;
import com.ibportal.security.CurrentUser;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.ui.KpiCard;
import com.ibportal.ui.PageHeader;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.charts.model.ChartType;
import com.vaadin.flow.component.charts.model.DataSeries;
import com.vaadin.flow.component.charts.model.DataSeriesItem;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The signed-in IB's own ledger lines (direct and override) with filters, explanations, totals and the
 * events that paid it nothing. It always reads the IB's own partner code, so a sub-IB never sees its
 * master's lines.
 */
@Route("earnings")
@PageTitle("Earnings · IB Portal")
@Menu(order = 4, icon = "vaadin:money", title = "Earnings")
@RolesAllowed({"IB"})
class EarningsView extends VerticalLayout {

    /** Below this window width the grid keeps only date, rule, amount and status. */
    static final int NARROW_PX = 700;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    final DatePicker from = new DatePicker("From (UTC)");
    final DatePicker to = new DatePicker("To (UTC)");
    final Button thisMonth = new Button("This month");
    final Button lastMonth = new Button("Last month");
    final Button last90Days = new Button("Last 90 days");
    final ComboBox<LineStatus> status = new ComboBox<>("Status");
    final ComboBox<RuleKind> rule = new ComboBox<>("Rule");
    final ComboBox<Levels> levels = new ComboBox<>("Level");
    final ComboBox<String> source = new ComboBox<>("From sub-IB");
    final Anchor export;
    final Paragraph problem = new Paragraph();

    final KpiCard total = new KpiCard("Total", "");
    final KpiCard payable = new KpiCard("Payable", "");
    final KpiCard pending = new KpiCard("Pending", "");
    final KpiCard paid = new KpiCard("Paid", "");
    final KpiCard own = new KpiCard("Own lines", "");
    final KpiCard overrides = new KpiCard("Overrides", "");
    final Paragraph otherCurrencies = new Paragraph();

    final Grid<LedgerEntry> grid = new Grid<>();
    final Grid.Column<LedgerEntry> clientColumn;
    final Grid.Column<LedgerEntry> levelColumn;
    final Grid.Column<LedgerEntry> sourceColumn;
    final Grid.Column<LedgerEntry> reversalColumn;

    final Chart byRuleChart = new Chart(ChartType.PIE);
    final DataSeries byRule = new DataSeries("By rule");
    final Grid<LevelTotal> byLevel = new Grid<>();
    final Grid<ExcludedEvent> exclusions = new Grid<>();

    private final LedgerService ledger;
    private final String partnerCode;
    private final Clock clock;
    /** Read by the CSV download, which runs outside the UI's request. */
    private volatile List<LedgerEntry> shown = List.of();
    private volatile String fileName = "earnings.csv";
    private String currency = "";
    private boolean refreshing;

    /** Net amount of one level (0 = own clients) in the main currency, and how many lines. */
    record LevelTotal(int level, BigDecimal amount, long lines) {
    }

    EarningsView(LedgerService ledger, CurrentUser currentUser, Clock clock) {
        this.ledger = ledger;
        this.partnerCode = currentUser.requirePartnerCode();
        this.clock = clock;
        setWidthFull();

        status.setItems(LineStatus.values());
        rule.setItems(RuleKind.values());
        levels.setItems(Levels.values());
        levels.setItemLabelGenerator(EarningsView::levelsLabel);
        levels.setValue(Levels.ALL);
        for (ComboBox<?> box : List.of(status, rule, source)) {
            box.setPlaceholder("All");
            box.setClearButtonVisible(true);
        }
        source.setHelperText("Override lines produced by this sub-IB's clients");
        from.setValue(monthStart());
        to.setValue(today());
        thisMonth.addClickListener(e -> range(monthStart(), today()));
        lastMonth.addClickListener(e -> range(monthStart().minusMonths(1), monthStart().minusDays(1)));
        last90Days.addClickListener(e -> range(today().minusDays(89), today()));
        for (Button quick : List.of(thisMonth, lastMonth, last90Days)) {
            quick.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        rule.addValueChangeListener(e -> refresh());
        levels.addValueChangeListener(e -> refresh());
        source.addValueChangeListener(e -> refresh());
        export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] csv = csv().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), fileName, "text/csv", csv.length);
        }), "Export CSV");
        export.getElement().setAttribute("download", true);
        problem.addClassName("earnings-problem");
        problem.setVisible(false);

        var dates = row(from, to, thisMonth, lastMonth, last90Days);
        var filters = row(status, rule, levels, source, export);
        var kpis = new FlexLayout(total, payable, pending, paid, own, overrides);
        kpis.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        kpis.getStyle().set("gap", "var(--lumo-space-m)");
        otherCurrencies.addClassName("page-lead");

        grid.addColumn(e -> WHEN.format(e.line().occurredAt())).setHeader("Date (UTC)").setAutoWidth(true).setFlexGrow(0);
        clientColumn = grid.addColumn(e -> e.line().clientId() == null ? "month-end" : e.line().clientId())
                .setHeader("Client").setAutoWidth(true);
        grid.addColumn(e -> e.line().rule()).setHeader("Rule").setAutoWidth(true);
        levelColumn = grid.addColumn(e -> e.line().level()).setHeader("Level").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> money(e.line().amount()) + " " + e.line().currency()).setHeader("Amount")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addComponentColumn(e -> badge(e.line().status())).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        sourceColumn = grid.addComponentColumn(this::sourceLink).setHeader("From sub-IB").setAutoWidth(true);
        reversalColumn = grid.addColumn(EarningsView::reversalText).setHeader("Reversal").setAutoWidth(true);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(EarningsView::details));
        grid.setDetailsVisibleOnClick(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setHeight("28rem");
        grid.setWidthFull();

        byRuleChart.setId("earnings-by-rule");
        byRuleChart.getConfiguration().setTitle("By rule");
        byRuleChart.getConfiguration().setSeries(byRule);
        byRuleChart.setHeight("280px");
        byRuleChart.setWidth("min(100%, 24rem)");
        byLevel.addColumn(t -> t.level() == 0 ? "0 (own clients)" : Integer.toString(t.level())).setHeader("Level");
        byLevel.addColumn(t -> money(t.amount()) + " " + currency).setHeader("Amount").setTextAlign(ColumnTextAlign.END);
        byLevel.addColumn(LevelTotal::lines).setHeader("Lines").setTextAlign(ColumnTextAlign.END);
        byLevel.setAllRowsVisible(true);
        byLevel.setWidth("min(100%, 24rem)");
        var levelBox = new VerticalLayout(new H3("By level"), byLevel);
        levelBox.setPadding(false);
        levelBox.setWidth("auto");
        var totals = new FlexLayout(byRuleChart, levelBox);
        totals.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        totals.getStyle().set("gap", "var(--lumo-space-l)");
        totals.setWidthFull();

        exclusions.addColumn(x -> WHEN.format(x.occurredAt())).setHeader("Date (UTC)").setAutoWidth(true).setFlexGrow(0);
        exclusions.addColumn(ExcludedEvent::clientId).setHeader("Client").setAutoWidth(true);
        exclusions.addColumn(ExcludedEvent::eventId).setHeader("Event").setAutoWidth(true);
        exclusions.addColumn(x -> x.rule() == null ? "every rule" : x.rule()).setHeader("Rule").setAutoWidth(true);
        exclusions.addColumn(ExcludedEvent::level).setHeader("Level").setAutoWidth(true).setFlexGrow(0);
        exclusions.addColumn(ExcludedEvent::reason).setHeader("Why nothing").setFlexGrow(1);
        exclusions.setAllRowsVisible(true);
        exclusions.setWidthFull();

        add(new PageHeader("Earnings", "Every commission line, explained down to the trade. Click a line for its explanation."),
                dates, filters, problem, kpis, otherCurrencies, grid, totals,
                new H3("Why nothing?"),
                new Paragraph("Events in this range that paid you nothing under a rule, and the reason."), exclusions);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        var page = attachEvent.getUI().getPage();
        page.retrieveExtendedClientDetails(details -> fitWidth(details.getWindowInnerWidth()));
        page.addBrowserWindowResizeListener(e -> fitWidth(e.getWidth()));
    }

    /** On a phone the grid keeps date, rule, amount and status; the rest is in the row's details. */
    void fitWidth(int windowWidth) {
        boolean wide = windowWidth >= NARROW_PX;
        for (Grid.Column<LedgerEntry> column : List.of(clientColumn, levelColumn, sourceColumn, reversalColumn)) {
            column.setVisible(wide);
        }
    }

    /** Reads the lines and exclusions for the current filters and shows them with their totals. */
    void refresh() {
        if (refreshing) {
            return;
        }
        refreshing = true;
        try {
            read();
        } finally {
            refreshing = false;
        }
    }

    private void read() {
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        problem.setVisible(false);
        fileName = "earnings-" + partnerCode + "-" + start + "-" + end + ".csv";
        try {
            LedgerFilter filter = new LedgerFilter(start, end, status.getValue(), rule.getValue(), levels.getValue(),
                    source.getValue());
            shown = ledger.entries(partnerCode, filter);
            exclusions.setItems(ledger.exclusions(partnerCode, start, end));
            List<String> sources = new ArrayList<>(ledger.overrideSources(partnerCode, start, end));
            if (source.getValue() != null && !sources.contains(source.getValue())) {
                sources.add(source.getValue());
            }
            setSourceItems(sources);
        } catch (InvalidInputException invalid) {
            shown = List.of();
            exclusions.setItems(List.of());
            problem.setText(invalid.problems().stream().map(InvalidInputException.FieldProblem::message)
                    .collect(Collectors.joining("; ")));
            problem.setVisible(true);
        }
        grid.setItems(shown);
        showTotals();
    }

    /** The lines currently shown. */
    List<LedgerEntry> shown() {
        return shown;
    }

    String csv() {
        return EarningsCsv.of(shown);
    }

    /** Shows only the override lines that this sub-IB's clients produced. */
    void filterBySource(String subIb) {
        refreshing = true;
        try {
            levels.setValue(Levels.OVERRIDES);
            source.setValue(subIb);
        } finally {
            refreshing = false;
        }
        refresh();
    }

    private void setSourceItems(List<String> sources) {
        String selected = source.getValue();
        List<String> current = source.getListDataView().getItems().toList();
        if (!current.equals(sources)) {
            source.setItems(sources);
            if (selected != null) {
                source.setValue(selected);
            }
        }
    }

    private void range(LocalDate start, LocalDate end) {
        refreshing = true;
        try {
            from.setValue(start);
            to.setValue(end);
        } finally {
            refreshing = false;
        }
        refresh();
    }

    private void showTotals() {
        Map<String, Long> countByCurrency = shown.stream()
                .collect(Collectors.groupingBy(e -> e.line().currency(), Collectors.counting()));
        currency = countByCurrency.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse("");
        Predicate<LedgerEntry> inMain = e -> e.line().currency().equals(currency);
        total.setValue(amount(sum(inMain)));
        payable.setValue(amount(sum(inMain.and(e -> e.line().status().equals("PAYABLE")))));
        pending.setValue(amount(sum(inMain.and(e -> e.line().status().equals("PENDING")))));
        paid.setValue(amount(sum(inMain.and(e -> e.line().status().equals("PAID")))));
        own.setValue(amount(sum(inMain.and(e -> e.line().level() == 0))));
        overrides.setValue(amount(sum(inMain.and(e -> e.line().level() >= 1))));
        Map<String, BigDecimal> others = new TreeMap<>();
        shown.stream().filter(inMain.negate()).forEach(e -> others.merge(e.line().currency(), e.line().amount(), BigDecimal::add));
        otherCurrencies.setText(others.isEmpty() ? "" : "Not included above (other currencies): " + others.entrySet().stream()
                .map(o -> money(o.getValue()) + " " + o.getKey()).collect(Collectors.joining(", ")));
        otherCurrencies.setVisible(!others.isEmpty());

        Map<String, BigDecimal> rules = new TreeMap<>();
        Map<Integer, BigDecimal> levelAmounts = new TreeMap<>();
        Map<Integer, Long> levelCounts = new HashMap<>();
        shown.stream().filter(inMain).forEach(e -> {
            rules.merge(e.line().rule(), e.line().amount(), BigDecimal::add);
            levelAmounts.merge(e.line().level(), e.line().amount(), BigDecimal::add);
            levelCounts.merge(e.line().level(), 1L, Long::sum);
        });
        byRule.clear();
        // A pie cannot show a net loss; a rule whose lines net to zero or less is left out of it.
        rules.forEach((name, amount) -> {
            if (amount.signum() > 0) {
                byRule.add(new DataSeriesItem(name, amount), false, false);
            }
        });
        byRuleChart.getConfiguration().setTitle(currency.isEmpty() ? "By rule" : "By rule (" + currency + ")");
        byRuleChart.drawChart();
        byLevel.setItems(levelAmounts.entrySet().stream()
                .map(l -> new LevelTotal(l.getKey(), l.getValue(), levelCounts.get(l.getKey())))
                .sorted(Comparator.comparingInt(LevelTotal::level)).toList());
    }

    private BigDecimal sum(Predicate<LedgerEntry> which) {
        return shown.stream().filter(which).map(e -> e.line().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private String amount(BigDecimal value) {
        return money(value.setScale(2, RoundingMode.HALF_EVEN)) + (currency.isEmpty() ? "" : " " + currency);
    }

    Component sourceLink(LedgerEntry e) {
        LedgerLineView l = e.line();
        if (l.level() == 0) {
            return new Span();
        }
        Button link = new Button(l.sourcePartnerCode(), click -> filterBySource(l.sourcePartnerCode()));
        link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        link.setTooltipText("Show only the override lines from " + l.sourcePartnerCode());
        return link;
    }

    static String reversalText(LedgerEntry e) {
        if (e.isReversal()) {
            return "reverses #" + e.line().reversalOf();
        }
        return e.isReversed() ? "reversed by #" + e.reversedBy() : "";
    }

    static Span badge(String lineStatus) {
        Span badge = new Span(lineStatus);
        badge.addClassNames("status-badge", "status-" + lineStatus.toLowerCase(Locale.ROOT));
        return badge;
    }

    static Component details(LedgerEntry e) {
        LedgerLineView l = e.line();
        Pre explanation = new Pre(l.explanation());
        explanation.addClassName("line-explanation");
        Div facts = new Div();
        facts.addClassName("line-facts");
        facts.add(fact("Line", "#" + l.id()), fact("Plan", l.planCode() + " v" + l.planVersion()),
                fact("Event", l.eventId()), fact("Client", l.clientId() == null ? "month-end" : l.clientId()),
                fact("Level", Integer.toString(l.level())), fact("From", l.sourcePartnerCode()),
                fact("Occurred", WHEN.format(l.occurredAt()) + " UTC"), fact("Posted", WHEN.format(l.postedAt()) + " UTC"));
        String reversal = reversalText(e);
        if (!reversal.isEmpty()) {
            facts.add(fact("Reversal", reversal));
        }
        Div details = new Div(explanation, facts);
        details.addClassName("line-details");
        return details;
    }

    private static Span fact(String label, String value) {
        Span fact = new Span(label + ": " + value);
        fact.addClassName("line-fact");
        return fact;
    }

    /** 2 to 4 decimals: lines carry 4, most of them end in 00. */
    static String money(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.00##", DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(value);
    }

    private static String levelsLabel(Levels l) {
        return switch (l) {
            case ALL -> "All";
            case OWN -> "Own lines (level 0)";
            case OVERRIDES -> "Overrides (level 1+)";
        };
    }

    private static FlexLayout row(Component... components) {
        FlexLayout row = new FlexLayout(components);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-s) var(--lumo-space-m)");
        return row;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }

    private LocalDate monthStart() {
        return today().withDayOfMonth(1);
    }
}
