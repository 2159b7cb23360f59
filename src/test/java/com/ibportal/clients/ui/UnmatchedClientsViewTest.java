package com.ibportal.clients.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.clients.ClientService;
import com.ibportal.clients.UnmatchedClient;
import com.ibportal.security.Role;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.data.provider.Query;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PortalIntegrationTest
class UnmatchedClientsViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClientService clients;

    @AfterEach
    void signOut() {
        fixtures.signOut();
    }

    @Test
    void queueShowsAnUnmatchedClientAndAssigningItRemovesItFromTheQueue() {
        String partner = fixtures.unique("UQ");
        fixtures.partner(partner, null);
        String client = fixtures.unique("UQC");
        fixtures.client(client, "NO-SUCH-" + partner, Instant.now().minusSeconds(600), null, null);
        fixtures.signIn(fixtures.staff(Role.ADMIN).email());

        UnmatchedClientsView view = navigate(UnmatchedClientsView.class);
        UnmatchedClient row = all(view).stream().filter(c -> c.externalId().equals(client)).findFirst().orElseThrow();
        assertThat(row.referralCode()).isEqualTo("NO-SUCH-" + partner);

        view.grid.select(row);
        view.partner.setValue(partner);
        test(view.assign).click();

        assertThat(all(view)).extracting(UnmatchedClient::externalId).doesNotContain(client);
        assertThat(clients.get(client).partnerCode()).isEqualTo(partner);
    }

    @Test
    void anIbCannotOpenTheQueue() {
        var ib = fixtures.ibWithLogin(fixtures.unique("UQIB"), null);
        fixtures.signIn(ib.email());
        navigate("admin/unmatched-clients", Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(UnmatchedClientsView.class);
    }

    private static List<UnmatchedClient> all(UnmatchedClientsView view) {
        int total = view.grid.getDataProvider().size(new Query<>());
        return view.grid.getDataProvider().fetch(new Query<>(0, total, List.of(), null, null)).toList();
    }
}
