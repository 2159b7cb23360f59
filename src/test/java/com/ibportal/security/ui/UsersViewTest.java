package com.ibportal.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.security.Role;
import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PortalIntegrationTest
class UsersViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @AfterEach
    void signOut() {
        fixtures.signOut();
    }

    @Test
    void adminSeesUsersWithRolesAndAuditOfTheirCreation() {
        var admin = fixtures.staff(Role.ADMIN);
        var ib = fixtures.ibWithLogin(fixtures.unique("UV"), null);
        fixtures.signIn(admin.email());
        UsersView users = navigate(UsersView.class);
        assertThat(users.grid.getGenericDataView().getItems())
                .anySatisfy(u -> {
                    assertThat(u.user().email()).isEqualTo(ib.email());
                    assertThat(u.user().role()).isEqualTo(Role.IB);
                });
        AuditLogView audit = navigate(AuditLogView.class);
        assertThat(audit.grid.getGenericDataView().getItems())
                .anySatisfy(r -> {
                    assertThat(r.action()).isEqualTo("USER_CREATED");
                    assertThat(r.target()).isEqualTo(ib.email());
                });
    }
}
