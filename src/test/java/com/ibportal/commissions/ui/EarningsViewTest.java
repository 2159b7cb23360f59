package com.ibportal.commissions.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.commissions.ExcludedEvent;
import com.ibportal.commissions.LedgerEntry;
import com.ibportal.commissions.LedgerEvents;
import com.ibportal.commissions.LedgerFilter.Levels;
import com.ibportal.commissions.engine.LineStatus;
import com.ibportal.commissions.engine.RuleKind;
import com.ibportal.ingestion.IngestedEventHandler;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.charts.model.DataSeriesItem;
import com.vaadin.flow.component.html.Div;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The IB Earnings view over real ledger lines written by the pipeline (see LedgerEvents.network). */
@PortalIntegrationTest
class EarningsViewTest extends SpringBrowserlessTest {

    private static final Instant DAY_1 = Instant.parse("2026-08-03T09:00:00Z");
    private static final LocalDate FROM = LocalDate.parse("2026-08-01");
    private static final LocalDate TO = LocalDate.parse("2026-08-31");

    /** Written once for the class: the lines are only read here. */
    private static LedgerEvents.Network network;

    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    IngestedEventHandler handler;
    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void lines() throws Exception {
        if (network == null) {
            network = new LedgerEvents(handler, transactions, mvc, fixtures).network(fixtures, DAY_1);
        }
    }

    @AfterEach
    void signOut() {
        fixtures.signOut();
    }

    private EarningsView open(String partnerCode) {
        fixtures.signIn(partnerCode.toLowerCase() + "@ib.test");
        EarningsView view = navigate(EarningsView.class);
        view.from.setValue(FROM);
        view.to.setValue(TO);
        return view;
    }

    private static List<LedgerEntry> rows(EarningsView view) {
        return view.grid.getListDataView().getItems().toList();
    }

    private static BigDecimal sum(List<LedgerEntry> rows) {
        return rows.stream().map(e -> e.line().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void theMastersKpisAndTotalsAreTheSumsOfItsLines() {
        EarningsView view = open(network.master());

        List<LedgerEntry> rows = rows(view);
        assertThat(rows).hasSize(4).allSatisfy(e -> assertThat(e.line().partnerCode()).isEqualTo(network.master()));
        assertThat(sum(rows)).isEqualByComparingTo("17.50");
        assertThat(view.total.getValue()).isEqualTo("17.50 USD");
        assertThat(view.payable.getValue()).isEqualTo("7.50 USD");
        assertThat(view.pending.getValue()).isEqualTo("10.00 USD");
        assertThat(view.paid.getValue()).isEqualTo("0.00 USD");
        assertThat(view.own.getValue()).isEqualTo("10.00 USD");
        assertThat(view.overrides.getValue()).isEqualTo("7.50 USD");
        assertThat(view.otherCurrencies.isVisible()).isFalse();

        assertThat(view.byLevel.getListDataView().getItems().map(t -> t.level() + " " + t.amount() + " " + t.lines()))
                .containsExactly("0 10.0000 1", "1 7.5000 3");
        Map<String, BigDecimal> pie = view.byRule.getData().stream()
                .collect(Collectors.toMap(DataSeriesItem::getName, i -> new BigDecimal(i.getY().toString())));
        assertThat(pie).containsOnlyKeys("OVERRIDE", "PER_LOT");
        assertThat(pie.get("OVERRIDE")).isEqualByComparingTo("7.50");
        assertThat(pie.get("PER_LOT")).isEqualByComparingTo("10.00");
    }

    @Test
    void filtersNarrowTheLinesAndTheKpisFollow() {
        EarningsView view = open(network.master());

        view.status.setValue(LineStatus.PAYABLE);
        assertThat(rows(view)).extracting(e -> e.line().amount().toPlainString()).containsExactly("7.5000");
        assertThat(view.total.getValue()).isEqualTo("7.50 USD");
        view.status.clear();

        view.rule.setValue(RuleKind.PER_LOT);
        assertThat(rows(view)).extracting(e -> e.line().rule()).containsExactly("PER_LOT");
        view.rule.clear();

        view.levels.setValue(Levels.OWN);
        assertThat(rows(view)).extracting(e -> e.line().level()).containsExactly(0);
        assertThat(view.overrides.getValue()).isEqualTo("0.00 USD");
        view.levels.setValue(Levels.OVERRIDES);
        assertThat(rows(view)).hasSize(3).allSatisfy(e -> assertThat(e.line().level()).isEqualTo(1));
        assertThat(view.total.getValue()).isEqualTo("7.50 USD");
        view.levels.setValue(Levels.ALL);
        assertThat(rows(view)).hasSize(4);

        view.from.setValue(TO.plusDays(1));
        view.to.setValue(TO.plusDays(30));
        assertThat(rows(view)).isEmpty();
        assertThat(view.total.getValue()).isEqualTo("0.00");
    }

    @Test
    void overrideLinesNameTheSubIbAndClickingItFiltersByIt() {
        EarningsView view = open(network.master());
        assertThat(view.source.getListDataView().getItems()).containsExactly(network.sub());
        LedgerEntry override = rows(view).stream().filter(e -> e.line().level() == 1).findFirst().orElseThrow();
        LedgerEntry own = rows(view).stream().filter(e -> e.line().level() == 0).findFirst().orElseThrow();
        assertThat(((Button) view.sourceLink(override)).getText()).isEqualTo(network.sub());
        assertThat(view.sourceLink(own)).isNotInstanceOf(Button.class);

        ((Button) view.sourceLink(override)).click();

        assertThat(view.source.getValue()).isEqualTo(network.sub());
        assertThat(view.levels.getValue()).isEqualTo(Levels.OVERRIDES);
        assertThat(rows(view)).hasSize(3)
                .allSatisfy(e -> assertThat(e.line().sourcePartnerCode()).isEqualTo(network.sub()));
        assertThat(view.total.getValue()).isEqualTo("7.50 USD");
    }

    @Test
    void reversalsAreMarkedBothWaysAndTheDetailsExplainTheLine() {
        EarningsView view = open(network.master());
        List<LedgerEntry> rows = rows(view);
        LedgerEntry reversed = rows.get(2);
        LedgerEntry reversal = rows.get(3);
        assertThat(EarningsView.reversalText(reversed)).isEqualTo("reversed by #" + reversal.line().id());
        assertThat(EarningsView.reversalText(reversal)).isEqualTo("reverses #" + reversed.line().id());
        assertThat(EarningsView.reversalText(rows.getFirst())).isEmpty();

        Component details = EarningsView.details(rows.getFirst());
        String text = ((Div) details).getElement().getTextRecursively();
        assertThat(text).contains(rows.getFirst().line().explanation())
                .contains(rows.getFirst().line().planCode() + " v" + rows.getFirst().line().planVersion())
                .contains(network.clientOfSub() + "-t1")
                .contains("Posted: ");
        assertThat(rows.getFirst().line().explanation()).contains("2.5").contains("10.00").contains("7.00");
        assertThat(view.grid.isDetailsVisibleOnClick()).isTrue();
    }

    @Test
    void aSubIbSeesOnlyItsOwnLinesAndItsExclusions() {
        EarningsView view = open(network.sub());

        List<LedgerEntry> rows = rows(view);
        assertThat(rows).hasSize(3).allSatisfy(e -> {
            assertThat(e.line().partnerCode()).isEqualTo(network.sub());
            assertThat(e.line().level()).isZero();
        });
        assertThat(view.total.getValue()).isEqualTo("17.50 USD");
        assertThat(view.payable.getValue()).isEqualTo("17.50 USD");
        assertThat(view.overrides.getValue()).isEqualTo("0.00 USD");
        assertThat(view.source.getListDataView().getItems()).isEmpty();
        assertThat(view.exclusions.getListDataView().getItems().map(ExcludedEvent::reason))
                .contains("client is not eligible: KYC DUPLICATE");
        assertThat(view.exclusions.getListDataView().getItems())
                .allSatisfy(x -> assertThat(x.clientId()).isEqualTo(network.duplicateClient()));
    }

    @Test
    void theCsvHoldsTheLinesShownWithPlainDecimalsAndQuotedText() {
        EarningsView view = open(network.master());
        view.levels.setValue(Levels.OVERRIDES);

        String[] csv = view.csv().split("\r\n");

        assertThat(view.export.getHref()).isNotBlank();
        assertThat(view.export.getElement().hasAttribute("download")).isTrue();
        assertThat(csv[0]).isEqualTo(EarningsCsv.HEADER);
        assertThat(csv).hasSize(4);
        List<LedgerEntry> rows = rows(view);
        for (int i = 0; i < rows.size(); i++) {
            LedgerEntry row = rows.get(i);
            assertThat(csv[i + 1]).startsWith(row.line().id() + "," + row.line().occurredAt() + ",")
                    .contains(",OVERRIDE,1," + row.line().amount().toPlainString() + ",USD," + row.line().status() + ","
                            + network.sub() + ",");
        }
        assertThat(csv[3]).contains(",-3.0000,USD,");
        assertThat(csv[3]).contains("," + rows.get(1).line().id() + ",,");
    }

    @Test
    void csvFieldsAreQuotedAndFormulaLikeTextIsDefused() {
        assertThat(EarningsCsv.text("plain")).isEqualTo("plain");
        assertThat(EarningsCsv.text("a,b")).isEqualTo("\"a,b\"");
        assertThat(EarningsCsv.text("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(EarningsCsv.text("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(EarningsCsv.text("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(EarningsCsv.text(null)).isEmpty();
    }

    @Test
    void aRefusedRangeShowsTheServicesMessage() {
        EarningsView view = open(network.master());
        view.from.setValue(TO);
        view.to.setValue(FROM);
        assertThat(view.problem.isVisible()).isTrue();
        assertThat(view.problem.getText()).isEqualTo("must not be before from");
        assertThat(rows(view)).isEmpty();
    }

    @Test
    void quickRangesAndANarrowWindow() {
        EarningsView view = open(network.master());
        view.lastMonth.click();
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        assertThat(view.from.getValue()).isEqualTo(today.withDayOfMonth(1).minusMonths(1));
        assertThat(view.to.getValue()).isEqualTo(today.withDayOfMonth(1).minusDays(1));
        view.last90Days.click();
        assertThat(view.from.getValue()).isEqualTo(today.minusDays(89));
        view.thisMonth.click();
        assertThat(view.from.getValue()).isEqualTo(today.withDayOfMonth(1));
        assertThat(view.to.getValue()).isEqualTo(today);

        view.fitWidth(390);
        assertThat(view.clientColumn.isVisible()).isFalse();
        assertThat(view.sourceColumn.isVisible()).isFalse();
        view.fitWidth(1200);
        assertThat(view.clientColumn.isVisible()).isTrue();
    }
}
