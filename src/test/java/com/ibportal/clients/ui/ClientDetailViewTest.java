package com.ibportal.clients.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.clients.AttributionPeriod;
import com.ibportal.clients.ClientService;
import com.ibportal.clients.KycChange;
import com.ibportal.clients.KycStatus;
import com.ibportal.clients.TradingAccount;
import com.ibportal.security.Role;
import com.ibportal.security.SystemActor;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.Query;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PortalIntegrationTest
class ClientDetailViewTest extends SpringBrowserlessTest {

    private static final Instant REGISTERED = Instant.parse("2026-01-10T08:00:00Z");

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClientService clients;

    @AfterEach
    void signOut() {
        fixtures.signOut();
    }

    @Test
    void anAdminSeesFactsAndHistoriesAndReassignsWithValidation() {
        String first = fixtures.unique("CD");
        fixtures.partner(first, null);
        String second = fixtures.unique("CD");
        fixtures.partner(second, null);
        String client = fixtures.unique("CDC");
        fixtures.client(client, first, REGISTERED, REGISTERED.plusSeconds(86_400), new BigDecimal("500.00"));
        String login = fixtures.unique("L");
        SystemActor.run(() -> clients.recordTradingAccount(client, "MT5", login, REGISTERED.plusSeconds(60)));
        fixtures.signIn(fixtures.staff(Role.ADMIN).email());

        ClientDetailView view = navigate("admin/clients/" + client, ClientDetailView.class);

        assertThat(view.externalId.getText()).isEqualTo(client);
        assertThat(view.email.getText()).as("staff see the address").isEqualTo(client.toLowerCase(Locale.ROOT) + "@client.test");
        assertThat(view.country.getText()).isEqualTo("DE");
        assertThat(view.registered.getText()).isEqualTo("2026-01-10 08:00:00");
        assertThat(view.kycStatus.getText()).isEqualTo("APPROVED");
        assertThat(view.partner.getText()).isEqualTo(first);
        assertThat(view.ftd.getText()).isEqualTo("2026-01-11 08:00:00 · 500.0000");
        assertThat(items(view.attributions)).extracting(AttributionPeriod::partnerCode, AttributionPeriod::validFrom,
                AttributionPeriod::validTo, AttributionPeriod::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first, REGISTERED, null, "REFERRAL_CODE"));
        assertThat(items(view.kyc)).extracting(KycChange::status).containsExactly(KycStatus.APPROVED);
        assertThat(items(view.accounts)).extracting(TradingAccount::platform, TradingAccount::login)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MT5", login));
        assertThat(view.reassignForm.isVisible()).isTrue();

        test(view.reassign).click();
        assertThat(view.reassignTo.isInvalid()).as("no partner chosen").isTrue();
        assertThat(view.effectiveFrom.isInvalid()).as("no instant chosen").isTrue();

        view.reassignTo.setValue(second);
        view.effectiveFrom.setValue(LocalDateTime.ofInstant(REGISTERED.minusSeconds(3600), ZoneOffset.UTC));
        test(view.reassign).click();
        assertThat(view.effectiveFrom.isInvalid()).as("before the current attribution starts").isTrue();
        assertThat(view.effectiveFrom.getErrorMessage()).contains("must take effect after");
        assertThat(clients.get(client).partnerCode()).isEqualTo(first);

        Instant at = Instant.parse("2026-02-01T00:00:00Z");
        view.effectiveFrom.setValue(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        test(view.reassign).click();
        assertThat(view.effectiveFrom.isInvalid()).as(view.effectiveFrom.getErrorMessage() + " / " + view.reassignTo.getErrorMessage()).isFalse();
        assertThat(clients.get(client).partnerCode()).isEqualTo(second);
        assertThat(view.partner.getText()).isEqualTo(second);
        List<AttributionPeriod> history = items(view.attributions);
        assertThat(history).extracting(AttributionPeriod::partnerCode, AttributionPeriod::validFrom, AttributionPeriod::validTo,
                AttributionPeriod::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(first, REGISTERED, at, "REFERRAL_CODE"),
                org.assertj.core.groups.Tuple.tuple(second, at, null, "REASSIGNED"));
        assertThat(history.getLast().recordedBy()).isNotBlank();
    }

    @Test
    void findAClientOpensItAndAnUnknownIdSaysSo() {
        String partner = fixtures.unique("CF");
        fixtures.partner(partner, null);
        String client = fixtures.unique("CFC");
        fixtures.client(client, partner, REGISTERED, null, null);
        fixtures.signIn(fixtures.staff(Role.ADMIN).email());

        ClientDetailView view = navigate("admin/clients", ClientDetailView.class);
        test(view.open).click();
        assertThat(view.find.isInvalid()).as("an empty search").isTrue();

        view.find.setValue(client);
        test(view.open).click();
        view = (ClientDetailView) getCurrentView();
        assertThat(view.externalId.getText()).isEqualTo(client);

        view = navigate("admin/clients/no-such-" + client, ClientDetailView.class);
        assertThat(view.notFound.getText()).contains("No client with external id no-such-" + client);
    }

    @Test
    void financeReadsTheClientButCannotReassign() {
        String partner = fixtures.unique("CFI");
        fixtures.partner(partner, null);
        String client = fixtures.unique("CFIC");
        fixtures.client(client, partner, REGISTERED, null, null);
        fixtures.signIn(fixtures.staff(Role.FINANCE).email());

        ClientDetailView view = navigate("admin/clients/" + client, ClientDetailView.class);
        assertThat(view.email.getText()).isEqualTo(client.toLowerCase(Locale.ROOT) + "@client.test");
        assertThat(view.reassignForm.isVisible()).isFalse();
    }

    @Test
    void theUnmatchedQueueOpensAClient() {
        String client = fixtures.unique("UQO");
        fixtures.client(client, "NO-SUCH-" + client, Instant.now().minusSeconds(600), null, null);
        fixtures.signIn(fixtures.staff(Role.ADMIN).email());

        UnmatchedClientsView queue = navigate(UnmatchedClientsView.class);
        var row = items(queue.grid).stream().filter(c -> c.externalId().equals(client)).findFirst().orElseThrow();
        queue.grid.select(row);
        test(queue.open).click();

        ClientDetailView view = (ClientDetailView) getCurrentView();
        assertThat(view.externalId.getText()).isEqualTo(client);
        assertThat(view.partner.getText()).contains("unmatched");
        assertThat(items(view.attributions)).isEmpty();
    }

    @Test
    void anIbCannotOpenAClient() {
        String ib = fixtures.unique("CDIB");
        var login = fixtures.ibWithLogin(ib, null);
        String client = fixtures.unique("CDIBC");
        fixtures.client(client, ib, REGISTERED, null, null);
        fixtures.signIn(login.email());
        navigate("admin/clients/" + client, Component.class);
        assertThat(getCurrentView()).as("even its own client").isNotInstanceOf(ClientDetailView.class);
    }

    private static <T> List<T> items(Grid<T> grid) {
        int total = grid.getDataProvider().size(new Query<>());
        return grid.getDataProvider().fetch(new Query<>(0, total, List.of(), null, null)).toList();
    }
}
