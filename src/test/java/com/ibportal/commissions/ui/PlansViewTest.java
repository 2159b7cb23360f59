package com.ibportal.commissions.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.commissions.PlanDetails;
import com.ibportal.commissions.PlanJson;
import com.ibportal.commissions.PlanService;
import com.ibportal.commissions.PlanSummary;
import com.ibportal.commissions.PlansApiTestAccess;
import com.ibportal.commissions.engine.OverrideMode;
import com.ibportal.commissions.engine.Rule;
import com.ibportal.commissions.engine.RuleKind;
import com.ibportal.commissions.engine.TierMode;
import com.ibportal.security.Role;
import com.ibportal.security.SystemActor;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PortalIntegrationTest
class PlansViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    PlanService plans;

    String existing;

    @BeforeEach
    void signIn() {
        existing = fixtures.unique("PLV");
        SystemActor.run(() -> plans.put(existing, PlanJson.read(tools.jackson.databind.json.JsonMapper.builder()
                .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build()
                .readTree(PlansApiTestAccess.EXAMPLE))));
        fixtures.signIn(fixtures.staff(Role.ADMIN).email());
    }

    @AfterEach
    void signOut() {
        fixtures.signOut();
    }

    @Test
    void anExistingPlanOpensWithARuleCardPerRuleAndItsValues() {
        PlansView view = navigate(PlansView.class);
        view.list.select(summary(view, existing));
        PlanEditor editor = view.editor;
        assertThat(editor.code.getValue()).isEqualTo(existing);
        assertThat(editor.code.isReadOnly()).isTrue();
        assertThat(editor.name.getValue()).isEqualTo("Standard");
        assertThat(editor.groups).extracting(g -> g.groupName.getValue()).containsExactly("FX_MAJORS", "METALS");
        assertThat(editor.groups.get(1).symbols.getValue()).isEqualTo("XAU*, XAG*");
        assertThat(editor.rules).extracting(c -> c.kind).containsExactly(RuleKind.CPA, RuleKind.PER_LOT, RuleKind.SPREAD_SHARE,
                RuleKind.REVENUE_SHARE, RuleKind.TIERED_PER_LOT, RuleKind.OVERRIDE, RuleKind.OVERRIDE, RuleKind.OVERRIDE);
        assertThat(editor.rules.get(0).amount.getValue()).isEqualTo("200.00");
        assertThat(editor.rules.get(1).rateOf("METALS").rate.getValue()).isEqualTo("15.00");
        assertThat(editor.rules.get(3).carryForwardLosses.getValue()).isTrue();
        assertThat(editor.rules.get(4).tiers).extracting(t -> t.rate.getValue()).containsExactly("5.00", "7.00");
        assertThat(editor.rules.get(6).perLevel.getValue()).isEqualTo("20, 5");
        assertThat(editor.rules.get(5).perLevel.isVisible()).as("RATE_DIFFERENCE has no values per level").isFalse();
        assertThat(view.versions.getGenericDataView().getItems()).hasSize(1);
    }

    @Test
    void aNewPlanBuiltInTheFormIsSavedAsVersionOne() {
        PlansView view = navigate(PlansView.class);
        test(view.newPlan).click();
        PlanEditor editor = view.editor;
        String code = fixtures.unique("NEWPL");
        editor.code.setValue(code);
        editor.name.setValue("Built in the editor");
        editor.payoutCurrency.setValue("EUR");
        test(editor.addGroup).click();
        editor.groups.getFirst().groupName.setValue("FX");
        editor.groups.getFirst().symbols.setValue("EURUSD, GBPUSD");
        editor.newRuleKind.setValue(RuleKind.PER_LOT);
        test(editor.addRule).click();
        RuleCard perLot = editor.rules.getFirst();
        assertThat(perLot.rates).extracting(r -> r.group).containsExactly("FX");
        perLot.rateOf("FX").rate.setValue("8.50");
        perLot.minHoldSeconds.setValue("60");
        RuleCard tiered = editor.addRule(RuleKind.TIERED_PER_LOT);
        tiered.tierMode.setValue(TierMode.RETROACTIVE);
        tiered.addTier("0", "4");
        tiered.addTier("50", "6");
        RuleCard override = editor.addRule(RuleKind.OVERRIDE);
        override.overrideMode.setValue(OverrideMode.PER_LOT_PER_LEVEL);
        override.perLevel.setValue("1.00, 0.50");
        test(editor.save).click();

        PlanDetails saved = plans.get(code);
        assertThat(saved.versions()).hasSize(1);
        assertThat(saved.current().document().payoutCurrency().code()).isEqualTo("EUR");
        List<Rule> rules = saved.current().document().rules();
        assertThat(((Rule.PerLot) rules.get(0)).rates().get("FX")).isEqualByComparingTo("8.50");
        assertThat(((Rule.PerLot) rules.get(0)).minHoldSeconds()).isEqualTo(60);
        assertThat(((Rule.TieredPerLot) rules.get(1)).mode()).isEqualTo(TierMode.RETROACTIVE);
        assertThat(((Rule.Override) rules.get(2)).rates()).extracting(Object::toString).containsExactly("1.00", "0.50");
        assertThat(view.list.getGenericDataView().getItems()).extracting(PlanSummary::code).contains(code);
        assertThat(view.side.isVisible()).isTrue();
    }

    @Test
    void theServicesErrorsAreShownOnTheFieldsAndNothingIsSaved() {
        PlansView view = navigate(PlansView.class);
        view.list.select(summary(view, existing));
        PlanEditor editor = view.editor;
        RuleCard perLot = editor.rules.get(1);
        perLot.rateOf("METALS").rate.setValue("-2");
        editor.rules.get(2).percent.setValue("120");
        editor.rules.get(4).tiers.get(1).fromLots.setValue("0");
        editor.rules.get(0).windowDays.setValue("thirty");
        editor.payoutCurrency.setValue("eur");
        test(editor.save).click();

        assertThat(perLot.rateOf("METALS").rate.isInvalid()).isTrue();
        assertThat(perLot.rateOf("METALS").rate.getErrorMessage()).contains("must not be negative");
        assertThat(editor.rules.get(2).percent.isInvalid()).isTrue();
        assertThat(editor.rules.get(4).tiers.get(1).fromLots.isInvalid()).isTrue();
        assertThat(editor.rules.get(0).windowDays.isInvalid()).isTrue();
        assertThat(editor.payoutCurrency.isInvalid()).isTrue();
        assertThat(editor.rules.get(1).rateOf("FX_MAJORS").rate.isInvalid()).isFalse();
        assertThat(plans.get(existing).versions()).hasSize(1);

        // A second PER_LOT rule: the duplicate is reported on the card itself.
        editor.payoutCurrency.setValue("USD");
        editor.rules.get(0).windowDays.setValue("30");
        perLot.rateOf("METALS").rate.setValue("15.00");
        editor.rules.get(2).percent.setValue("30");
        editor.rules.get(4).tiers.get(1).fromLots.setValue("100");
        RuleCard duplicate = editor.addRule(RuleKind.PER_LOT);
        duplicate.rateOf("FX_MAJORS").rate.setValue("1");
        test(editor.save).click();
        assertThat(duplicate.message.isVisible()).isTrue();
        assertThat(duplicate.message.getText()).contains("already holds a PER_LOT rule");
        assertThat(perLot.rateOf("METALS").rate.isInvalid()).as("errors of the last save are cleared").isFalse();
        assertThat(plans.get(existing).versions()).hasSize(1);
    }

    @Test
    void savingAChangeMakesVersionTwoAndTheDiffShowsTheChangedRate() {
        PlansView view = navigate(PlansView.class);
        view.list.select(summary(view, existing));
        view.editor.rules.get(1).rateOf("FX_MAJORS").rate.setValue("11.00");
        test(view.editor.save).click();

        assertThat(plans.get(existing).versions()).hasSize(2);
        assertThat(view.versions.getGenericDataView().getItems()).hasSize(2);
        assertThat(view.diffFrom.getValue()).isEqualTo(1);
        assertThat(view.diffTo.getValue()).isEqualTo(2);
        List<String> changed = view.diff.getChildren().map(c -> ((Span) c).getText().strip().replaceAll("\\s+", " "))
                .filter(t -> t.startsWith("+") || t.startsWith("-")).toList();
        assertThat(changed).containsExactly("- \"FX_MAJORS\" : \"10.00\",", "+ \"FX_MAJORS\" : \"11.00\",");

        // Saving the same form again changes nothing.
        test(view.editor.save).click();
        assertThat(plans.get(existing).versions()).hasSize(2);
    }

    @Test
    void aPlanIsAssignedToAPartnerFromTheView() {
        String partner = fixtures.unique("PLVP");
        fixtures.partner(partner, null);
        PlansView view = navigate(PlansView.class);
        view.list.select(summary(view, existing));
        view.partner.setValue(partner);
        test(view.assign).click();
        assertThat(plans.history(partner).currentPlanCode()).isEqualTo(existing);
        assertThat(plans.history(partner).assignments().getFirst().effectiveFrom()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void anIbCannotOpenPlans() {
        var ib = fixtures.ibWithLogin(fixtures.unique("PLVIB"), null);
        fixtures.signIn(ib.email());
        navigate("admin/plans", Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(PlansView.class);
    }

    private static PlanSummary summary(PlansView view, String code) {
        return view.list.getGenericDataView().getItems().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
    }
}
