package com.ibportal.commissions.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.commissions.PlanJson;
import com.ibportal.commissions.PlanService;
import com.ibportal.commissions.PlanSummary;
import com.ibportal.commissions.WhatIfReport;
import com.ibportal.ingestion.IngestedEventHandler;
import com.ibportal.ingestion.canonical.CanonicalEvent;
import com.ibportal.ingestion.canonical.CanonicalEventParser;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.security.Role;
import com.ibportal.security.SystemActor;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@PortalIntegrationTest
class WhatIfViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    PlanService plans;
    @Autowired
    IngestedEventHandler events;
    @Autowired
    TransactionTemplate transactions;

    String partner;
    String plan;
    String symbol;
    YearMonth month;

    @BeforeEach
    void setUp() {
        partner = fixtures.unique("WVP");
        fixtures.partner(partner, null);
        plan = fixtures.unique("WVPL");
        // A symbol of its own, so the revenue per lot is this test's: 2 lots, spread 4.00 + commission 2.00 = 3.00/lot.
        symbol = "Z" + fixtures.unique("S").replaceAll("[^A-Za-z0-9]", "");
        SystemActor.run(() -> {
            plans.put(plan, PlanJson.read(JsonValues.mapper().readTree(plan("7.00"))));
            plans.assign(partner, plan, null);
        });
        month = YearMonth.of(3000 + ThreadLocalRandom.current().nextInt(5000), 6);
        String client = fixtures.unique("WVC");
        apply("""
                {"id":"%s-r","type":"client.registered","occurredAt":"%sT00:00:00Z","clientId":"%s",
                 "data":{"referralCode":"%s","email":"%s@client.test","country":"DE"}}"""
                .formatted(client, month.atDay(1), client, partner, client));
        trade(client, month.atDay(5));
        fixtures.signIn(fixtures.staff(Role.ADMIN).email());
    }

    @AfterEach
    void signOut() {
        fixtures.signOut();
    }

    private String plan(String rate) {
        return """
                {"name":"View plan","payoutCurrency":"USD","symbolGroups":[{"name":"FX","symbols":["%s"]}],
                 "rules":[{"kind":"PER_LOT","rates":{"FX":"%s"}}]}""".formatted(symbol, rate);
    }

    private void trade(String client, LocalDate day) {
        apply("""
                {"id":"%1$s-%2$s","type":"trade.closed","occurredAt":"%2$sT12:00:00Z","clientId":"%1$s",
                 "data":{"dealId":"%1$s-%2$s","accountLogin":"9","platform":"MT5","symbol":"%3$s","lots":"2.00",
                         "openedAt":"%2$sT11:00:00Z","closedAt":"%2$sT12:00:00Z","profit":"0","swap":"0",
                         "spreadRevenue":"4.00","commission":"-2.00","currency":"USD"}}""".formatted(client, day, symbol));
    }

    private void apply(String json) {
        CanonicalEvent event = new CanonicalEventParser().parse(JsonValues.mapper().readTree(json)).orThrow();
        transactions.execute(status -> SystemActor.call(() -> events.apply(event, 0)));
    }

    private WhatIfView openOnOwnMonth() {
        WhatIfView view = navigate(WhatIfView.class);
        view.plan.setValue(view.plan.getListDataView().getItems().filter(p -> p.code().equals(plan)).findFirst().orElseThrow());
        view.from.setValue(month.atDay(1));
        view.to.setValue(month.atEndOfMonth());
        return view;
    }

    private static List<String> texts(Component parent) {
        return parent.getChildren().filter(c -> c instanceof Span || c instanceof Div)
                .map(c -> c.getElement().getText()).toList();
    }

    @Test
    void aDraftRunsInTheBackgroundAndShowsTotalsPartnersChartAndWarnings() {
        WhatIfView view = openOnOwnMonth();
        assertThat(view.draft.getValue()).as("prefilled with the version in force").contains("\"FX\" : \"7.00\"");
        assertThat(view.results.isVisible()).isFalse();
        view.draft.setValue(view.draft.getValue().replace("\"7.00\"", "\"8.00\""));

        test(view.run).click();
        assertThat(view.busy.isVisible()).as("progress shows while the simulation runs").isTrue();
        assertThat(view.run.isEnabled()).isFalse();
        view.running.join();
        MockVaadin.clientRoundtrip();

        assertThat(view.busy.isVisible()).isFalse();
        assertThat(view.run.isEnabled()).isTrue();
        assertThat(view.results.isVisible()).isTrue();
        assertThat(view.errors.getChildren()).isEmpty();
        List<WhatIfReport.Totals> totals = view.totals.getGenericDataView().getItems().toList();
        assertThat(totals).singleElement().satisfies(t -> {
            assertThat(t.recomputedCurrent()).isEqualByComparingTo("14.00");
            assertThat(t.draft()).isEqualByComparingTo("16.00");
            assertThat(t.difference()).isEqualByComparingTo("2.00");
        });
        assertThat(view.partners.getGenericDataView().getItems()).extracting(WhatIfReport.PartnerResult::partnerCode)
                .containsExactly(partner);
        assertThat(view.chart.getConfiguration().getxAxis().getCategories()).containsExactly(partner + " (USD)");
        assertThat(view.draftSeries.getData()).extracting(Number::doubleValue).containsExactly(16.0);
        assertThat(view.currentSeries.getData()).extracting(Number::doubleValue).containsExactly(14.0);
        assertThat(view.warnings.getChildren()).anySatisfy(c -> {
            assertThat(c.getClassNames()).contains("payout-above-revenue");
            assertThat(c.getElement().getText()).contains("8.0000 USD per lot").contains("3.0000 USD per lot");
        });
        assertThat(texts(view.notes)).anyMatch(n -> n.contains("CPA"));
    }

    @Test
    void badDraftsAreReportedAndNothingRuns() {
        WhatIfView view = openOnOwnMonth();
        view.draft.setValue("{ not json");
        test(view.run).click();
        assertThat(view.draftError.getText()).startsWith("Not JSON");
        assertThat(view.busy.isVisible()).isFalse();

        view.draft.setValue(plan("-1"));
        test(view.run).click();
        view.running.join();
        MockVaadin.clientRoundtrip();
        assertThat(texts(view.errors)).anyMatch(t -> t.contains("rates.FX") && t.contains("must not be negative"));
        assertThat(view.draftError.getText()).contains("not a valid plan");
        assertThat(view.results.isVisible()).isFalse();
    }

    @Test
    void thePlanEditorSendsItsUnsavedFormToTheWhatIfView() {
        PlansView plansView = navigate(PlansView.class);
        plansView.list.select(plansView.list.getGenericDataView().getItems().filter(p -> p.code().equals(plan)).findFirst().orElseThrow());
        plansView.editor.rules.getFirst().rateOf("FX").rate.setValue("9.25");
        test(plansView.simulate).click();

        assertThat(getCurrentView()).isInstanceOf(WhatIfView.class);
        WhatIfView view = (WhatIfView) getCurrentView();
        assertThat(view.plan.getValue()).extracting(PlanSummary::code).isEqualTo(plan);
        assertThat(view.draft.getValue()).contains("\"9.25\"");
        assertThat(plans.get(plan).versions()).as("nothing was saved").hasSize(1);
    }

    @Test
    void savingAPlanListsTheGroupsThatPayAboveLastMonthsRevenue() {
        // Last month (by the clock) gets a trade of this test's symbol: 3.00 revenue per lot.
        YearMonth lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        String client = fixtures.unique("WVC");
        apply("""
                {"id":"%s-r","type":"client.registered","occurredAt":"%sT00:00:00Z","clientId":"%s",
                 "data":{"referralCode":"%s","email":"%s@client.test","country":"DE"}}"""
                .formatted(client, lastMonth.atDay(1), client, partner, client));
        trade(client, lastMonth.atDay(2));

        PlansView view = navigate(PlansView.class);
        view.list.select(view.list.getGenericDataView().getItems().filter(p -> p.code().equals(plan)).findFirst().orElseThrow());
        assertThat(view.payoutWarnings.isVisible()).isFalse();
        view.editor.rules.getFirst().rateOf("FX").rate.setValue("3.50");
        test(view.editor.save).click();

        assertThat(plans.get(plan).versions()).as("a warning does not block the save").hasSize(2);
        assertThat(view.payoutWarnings.isVisible()).isTrue();
        assertThat(view.payoutWarnings.getChildren()).anySatisfy(c -> {
            assertThat(c.getClassNames()).contains("payout-above-revenue");
            assertThat(c.getElement().getText()).contains("3.5000 USD per lot").contains("3.0000 USD per lot");
        });

        view.editor.rules.getFirst().rateOf("FX").rate.setValue("2.50");
        test(view.editor.save).click();
        assertThat(view.payoutWarnings.getChildren()).noneSatisfy(c -> assertThat(c.getClassNames()).contains("payout-above-revenue"));
    }

    @Test
    void anIbCannotOpenTheWhatIfView() {
        var ib = fixtures.ibWithLogin(fixtures.unique("WVIB"), null);
        fixtures.signIn(ib.email());
        navigate("admin/what-if", Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(WhatIfView.class);
    }
}
