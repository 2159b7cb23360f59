package com.ibportal.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.security.Role;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.charts.model.DataSeries;
import com.vaadin.flow.component.charts.model.DataSeriesItem;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PortalIntegrationTest
class DashboardViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    String master;
    String sub;

    @BeforeEach
    void network() {
        master = fixtures.unique("M");
        sub = master + "-S";
        fixtures.ibWithLogin(master, null);
        fixtures.ibWithLogin(sub, master);
        String outsider = fixtures.unique("X");
        fixtures.partner(outsider, null);
        Instant now = Instant.now();
        fixtures.client(fixtures.unique("C"), master, now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)), new BigDecimal("250.00"));
        fixtures.client(fixtures.unique("C"), sub, now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(9)), new BigDecimal("1000.00"));
        fixtures.client(fixtures.unique("C"), sub, now.minus(Duration.ofDays(5)), null, null);
        fixtures.client(fixtures.unique("C"), outsider, now.minus(Duration.ofDays(1)), now.minus(Duration.ofHours(2)), new BigDecimal("99.00"));
    }

    @AfterEach
    void signOut() {
        fixtures.signOut();
    }

    @Test
    void masterSeesItsWholeNetworkAndNothingElse() {
        fixtures.signIn(master.toLowerCase() + "@ib.test");
        IbDashboardView view = navigate(IbDashboardView.class);
        assertThat(view.kpis.partners.getValue()).isEqualTo("2");
        assertThat(view.kpis.clients.getValue()).isEqualTo("3");
        assertThat(view.kpis.registrations.getValue()).isEqualTo("3");
        assertThat(view.kpis.ftds.getValue()).isEqualTo("2");
        assertThat(view.kpis.ftdAmount.getValue()).isEqualTo("1,250 " + payoutCurrency());
        assertThat(sum(view.chart.registrations)).isEqualByComparingTo("3");
        assertThat(sum(view.chart.ftds)).isEqualByComparingTo("2");
        assertThat(sum(view.chart.ftdAmount)).isEqualByComparingTo("1250");
    }

    @Test
    void subIbSeesOnlyItsOwnSubtree() {
        fixtures.signIn(sub.toLowerCase() + "@ib.test");
        IbDashboardView view = navigate(IbDashboardView.class);
        assertThat(view.kpis.partners.getValue()).isEqualTo("1");
        assertThat(view.kpis.clients.getValue()).isEqualTo("2");
        assertThat(view.kpis.ftdAmount.getValue()).isEqualTo("1,000 " + payoutCurrency());
        assertThat(sum(view.chart.registrations)).isEqualByComparingTo("2");
    }

    @Test
    void adminOverviewCountsTheWholeProgram() {
        fixtures.signIn(fixtures.staff(Role.ADMIN).email());
        AdminOverviewView view = navigate(AdminOverviewView.class);
        long clients = jdbc.sql("SELECT COUNT(*) FROM client").query(Long.class).single();
        long partners = jdbc.sql("SELECT COUNT(*) FROM partner").query(Long.class).single();
        assertThat(view.kpis.clients.getValue().replace(",", "")).isEqualTo(Long.toString(clients));
        assertThat(view.kpis.partners.getValue().replace(",", "")).isEqualTo(Long.toString(partners));
        assertThat(sum(view.chart.registrations)).isGreaterThanOrEqualTo(new BigDecimal(4));
    }

    private String payoutCurrency() {
        return jdbc.sql("SELECT payout_currency FROM program_settings").query(String.class).single();
    }

    private static BigDecimal sum(DataSeries series) {
        return series.getData().stream().map(DataSeriesItem::getY).map(n -> new BigDecimal(n.toString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
