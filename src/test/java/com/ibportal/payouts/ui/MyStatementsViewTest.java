package com.ibportal.payouts.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.payouts.PayoutTestSupport;
import com.ibportal.payouts.StatementSummary;
import com.ibportal.processing.PipelineHarness;
import com.ibportal.program.Program;
import com.ibportal.program.ProgramService;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@PortalIntegrationTest
class MyStatementsViewTest extends SpringBrowserlessTest {

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

    @Test
    void anIbSeesItsOwnStatementsWithTheirLinesAndNoWorkflowButtons() throws Exception {
        PortalUser finance = fixtures.staff(Role.FINANCE);
        PayoutTestSupport payouts = new PayoutTestSupport(fixtures, mvc, jdbc,
                PipelineHarness.create(context, mvc, fixtures.staff(Role.ADMIN)), finance);
        YearMonth month = payouts.nextFreeMonth();
        PortalUser ib = payouts.partner("10.00");
        PortalUser other = payouts.partner("10.00");
        payouts.trade(payouts.approvedClient(ib.partnerCode(), month), month, 5, "6.00");
        payouts.trade(payouts.approvedClient(other.partnerCode(), month), month, 5, "8.00");
        payouts.close(month);
        fixtures.signIn(ib.email());

        MyStatementsView view = navigate(MyStatementsView.class);

        assertThat(view.grid.getGenericDataView().getItems().toList()).singleElement().satisfies(s -> {
            assertThat(s.partnerCode()).isEqualTo(ib.partnerCode());
            assertThat(s.period()).isEqualTo(month.toString());
            assertThat(s.total()).isEqualByComparingTo("60.00");
        });
        StatementSummary mine = view.grid.getGenericDataView().getItems().findFirst().orElseThrow();
        view.open(mine.id());
        roundTrip();
        assertThat(view.detail.lines.getGenericDataView().getItems()).hasSize(1);
        assertThat(view.detail.sections.getGenericDataView().getItems()).extracting(s -> s.title())
                .containsExactly("Per lot (direct)");
        assertThat(view.detail.approve.isVisible()).isFalse();
        assertThat(view.detail.payment.isVisible()).isFalse();
    }
}
