package com.ibportal.payouts.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.payouts.PayoutTestSupport;
import com.ibportal.payouts.PeriodView;
import com.ibportal.payouts.StatementStatus;
import com.ibportal.payouts.StatementSummary;
import com.ibportal.processing.PipelineHarness;
import com.ibportal.program.Program;
import com.ibportal.program.ProgramService;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@PortalIntegrationTest
class PayoutsViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProgramService program;

    Program before;

    @BeforeEach
    void minimum() {
        before = PayoutTestSupport.minimumPayout(program, "50.00");
    }

    @AfterEach
    void restore() {
        fixtures.signOut();
        PayoutTestSupport.restore(program, before);
    }

    private static List<StatementSummary> rows(PayoutsView view) {
        return view.statements.getGenericDataView().getItems().toList();
    }

    @Test
    void financeClosesAPeriodApprovesInBulkAndRecordsThePayment() throws Exception {
        PortalUser finance = fixtures.staff(Role.FINANCE);
        PayoutTestSupport payouts = new PayoutTestSupport(fixtures, mvc, jdbc,
                PipelineHarness.create(context, mvc, fixtures.staff(Role.ADMIN)), finance);
        YearMonth month = payouts.nextFreeMonth();
        PortalUser ib = payouts.partner("10.00");
        PortalUser big = payouts.partner("10.00");
        payouts.trade(payouts.approvedClient(ib.partnerCode(), month), month, 5, "6.00");
        payouts.trade(payouts.approvedClient(big.partnerCode(), month), month, 5, "8.00");
        fixtures.signIn(finance.email());

        PayoutsView view = navigate(PayoutsView.class);
        PeriodView open = view.periods.getGenericDataView().getItems()
                .filter(p -> p.period().equals(month.toString())).findFirst().orElseThrow();
        assertThat(open.status()).isEqualTo("OPEN");
        assertThat(PayoutsView.totals(open.lines(), "lines")).contains("PAYABLE 2 · 140.0000 USD");
        view.periods.select(open);
        assertThat(view.closePeriod.isEnabled()).isTrue();
        test(view.closePeriod).click();
        roundTrip();
        assertThat(view.closeDialog.isOpened()).isTrue();
        test(view.confirmClose).click();

        assertThat(view.closeDialog.getHeaderTitle()).isEqualTo(month + " is closed");
        assertThat(view.periods.asSingleSelect().getValue().status()).isEqualTo("CLOSED");
        assertThat(view.closePeriod.isEnabled()).isFalse();
        assertThat(view.statements.isVisible()).isTrue();
        view.partner.setValue(ib.partnerCode());
        assertThat(rows(view)).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(StatementStatus.DRAFT);
            assertThat(s.total()).isEqualByComparingTo("60.00");
        });
        view.partner.setValue("");
        view.minAmount.setValue("70");
        assertThat(rows(view)).extracting(StatementSummary::partnerCode).contains(big.partnerCode())
                .doesNotContain(ib.partnerCode());

        view.minAmount.setValue("");
        view.partner.setValue(ib.partnerCode());
        view.statements.select(rows(view).getFirst());
        test(view.approveSelected).click();
        assertThat(rows(view).getFirst().status()).isEqualTo(StatementStatus.APPROVED);

        view.openStatement(rows(view).getFirst().id());
        roundTrip();
        StatementDialog detail = view.detail;
        assertThat(detail.approve.isVisible()).isFalse();
        assertThat(detail.payment.isVisible()).isTrue();
        assertThat(detail.lines.getGenericDataView().getItems()).hasSize(1);
        detail.reference.setValue("SEPA-2026-001");
        detail.paidOn.setValue(LocalDate.of(2026, 1, 5));
        test(detail.markPaid).click();
        assertThat(detail.statement.status()).isEqualTo(StatementStatus.PAID);
        assertThat(detail.payment.isVisible()).isFalse();
        assertThat(rows(view).getFirst().status()).isEqualTo(StatementStatus.PAID);
        assertThat(rows(view).getFirst().paymentReference()).isEqualTo("SEPA-2026-001");
    }
}
