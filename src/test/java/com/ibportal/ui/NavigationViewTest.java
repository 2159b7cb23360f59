package com.ibportal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.security.Role;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PortalIntegrationTest
class NavigationViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @AfterEach
    void signOut() {
        fixtures.signOut();
    }

    @Test
    void ibMenuShowsTheIbAreaOnly() {
        var ib = fixtures.ibWithLogin(fixtures.unique("NAV"), null);
        fixtures.signIn(ib.email());
        navigate("", com.vaadin.flow.component.Component.class);
        assertThat(menuLabels()).containsExactly("Dashboard", "My network", "My clients", "Earnings", "Statements", "Links");
    }

    @Test
    void adminMenuShowsTheAdminAreaOnly() {
        fixtures.signIn(fixtures.staff(Role.ADMIN).email());
        navigate("", com.vaadin.flow.component.Component.class);
        assertThat(menuLabels()).containsExactly("Overview", "Partners", "Applications", "Plans", "What-if", "Integrations", "Events", "Payouts",
                "Reconciliation", "Users", "Audit log");
    }

    @Test
    void financeSeesOverviewPayoutsAndReconciliationOnly() {
        fixtures.signIn(fixtures.staff(Role.FINANCE).email());
        navigate("", com.vaadin.flow.component.Component.class);
        assertThat(menuLabels()).containsExactly("Overview", "Payouts", "Reconciliation");
    }

    @Test
    void homeSendsEachRoleToItsLandingPage() {
        var ib = fixtures.ibWithLogin(fixtures.unique("HOME"), null);
        fixtures.signIn(ib.email());
        navigate("", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("IbDashboardView");

        fixtures.signIn(fixtures.staff(Role.FINANCE).email());
        navigate("", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("AdminOverviewView");
    }

    @Test
    void ibCannotOpenAdminPages() {
        var ib = fixtures.ibWithLogin(fixtures.unique("DENY"), null);
        fixtures.signIn(ib.email());
        for (String route : List.of("admin", "admin/users", "admin/partners", "admin/payouts", "admin/audit")) {
            navigate(route, com.vaadin.flow.component.Component.class);
            assertThat(getCurrentView().getClass().getSimpleName()).as(route)
                    .isNotIn("AdminOverviewView", "UsersView", "PartnersView", "PayoutsView", "AuditLogView");
        }
    }

    private List<String> menuLabels() {
        return find(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }
}
