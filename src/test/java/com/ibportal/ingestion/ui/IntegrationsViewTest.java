package com.ibportal.ingestion.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.ingestion.ConnectorHealth;
import com.ibportal.ingestion.ConnectorService;
import com.ibportal.ingestion.ConnectorView;
import com.ibportal.ingestion.CreatedConnector;
import com.ibportal.ingestion.Deliveries;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.security.Role;
import com.ibportal.security.SystemActor;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.data.provider.Query;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@PortalIntegrationTest
class IntegrationsViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ConnectorService connectors;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    com.ibportal.ingestion.WriteBackService writeBacks;

    @AfterEach
    void signOut() {
        fixtures.signOut();
    }

    @Test
    void showsEachConnectorWithItsHealth() throws Exception {
        CreatedConnector crm = Deliveries.webhook(connectors, fixtures.unique("IV"), "canonical", JsonValues.mapper().readTree("{}"));
        String ok = fixtures.unique("ev");
        String bad = fixtures.unique("ev");
        // delivered before signing in: MockMvc's security filters reset the thread's security context
        mvc.perform(Deliveries.signed(crm.id(), crm.secret(), "[" + Deliveries.deposit(ok, "C", "2026-10-01T09:00:00Z")
                + "," + Deliveries.deposit(bad, "C", "2026-10-01T09:00:00Z") + "]")).andExpect(status().isAccepted());
        jdbc.update("UPDATE inbox_event SET status = 'FAILED', reason = 'x' WHERE connector_id = ? AND event_id = ?", crm.id(), bad);
        fixtures.signIn(fixtures.staff(Role.ADMIN).email());

        IntegrationsView view = navigate(IntegrationsView.class);
        ConnectorView row = row(view, crm.name());
        ConnectorHealth health = view.healthOf(row);
        assertThat(health.lastEventAt()).isNotNull();
        assertThat(health.eventsLastHour()).isEqualTo(2);
        assertThat(health.received()).isEqualTo(1);
        assertThat(health.failed()).isEqualTo(1);
        assertThat(health.parked()).isZero();
    }

    @Test
    void creatingAWebhookConnectorShowsItsSecretOnce() {
        fixtures.signIn(fixtures.staff(Role.ADMIN).email());
        IntegrationsView view = navigate(IntegrationsView.class);
        test(view.newConnector).click();
        NewConnectorDialog dialog = $(NewConnectorDialog.class).single();
        String name = fixtures.unique("MT5");
        dialog.name.setValue(name);
        dialog.kind.setValue("WEBHOOK");
        dialog.format.setValue("mt5");
        dialog.settings.setValue("{\"serverId\": \"live\"}");
        test(dialog.create).click();
        assertThat(dialog.isOpened()).as("mt5 needs serverZone too").isTrue();

        dialog.settings.setValue("{\"serverId\": \"live\", \"serverZone\": \"Europe/Athens\"}");
        test(dialog.create).click();

        assertThat(dialog.isOpened()).isFalse();
        SecretDialog secret = $(SecretDialog.class).single();
        assertThat(secret.secret.getValue()).startsWith("whsec_");
        assertThat(secret.secret.isReadOnly()).isTrue();
        assertThat(row(view, name).format()).isEqualTo("mt5");
        test(secret.copy).click();
        secret.close();
        assertThat(secret.secret.getValue()).as("closing forgets the secret").isEmpty();
    }

    @Test
    void settingsThatAreNotJsonKeepTheDialogOpen() {
        fixtures.signIn(fixtures.staff(Role.ADMIN).email());
        IntegrationsView view = navigate(IntegrationsView.class);
        test(view.newConnector).click();
        NewConnectorDialog dialog = $(NewConnectorDialog.class).single();
        String name = fixtures.unique("BAD");
        dialog.name.setValue(name);
        dialog.settings.setValue("{serverId: live");
        test(dialog.create).click();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(all(view)).extracting(ConnectorView::name).doesNotContain(name);
    }

    @Test
    void disablingAndRotatingFromTheGrid() {
        CreatedConnector crm = Deliveries.webhook(connectors, fixtures.unique("IV"), "canonical", JsonValues.mapper().readTree("{}"));
        fixtures.signIn(fixtures.staff(Role.ADMIN).email());
        IntegrationsView view = navigate(IntegrationsView.class);

        view.toggle(row(view, crm.name()));
        assertThat(row(view, crm.name()).enabled()).isFalse();
        view.toggle(row(view, crm.name()));
        assertThat(row(view, crm.name()).enabled()).isTrue();

        SecretDialog rotated = view.rotate(row(view, crm.name()));
        assertThat(rotated.secret.getValue()).startsWith("whsec_").isNotEqualTo(crm.secret());
        assertThat(row(view, crm.name()).previousSecretActive()).isTrue();
    }

    @Test
    void anIbCannotOpenIntegrations() {
        var ib = fixtures.ibWithLogin(fixtures.unique("IVIB"), null);
        fixtures.signIn(ib.email());
        navigate("admin/integrations", Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(IntegrationsView.class);
    }

    @Test
    void writeBacksDialogListsAConnectorsWriteBacksAndRetriesAFailedOne() throws Exception {
        CreatedConnector crm = Deliveries.webhook(connectors, fixtures.unique("WBV"), "canonical",
                JsonValues.mapper().readTree("{\"writeBackUrl\": \"https://crm.test/wb\"}"));
        String client = fixtures.unique("C");
        jdbc.update("""
                INSERT INTO writeback_outbox (connector_id, message_id, client_id, payload, status, attempts, next_attempt_at,
                                              last_error, created_at)
                VALUES (?, ?, ?, ?, 'FAILED', 12, UTC_TIMESTAMP(6), 'HTTP 500', UTC_TIMESTAMP(6))""",
                crm.id(), "msg_" + client, client, "{\"clientId\": \"" + client + "\", \"partnerCode\": \"P\"}");
        fixtures.signIn(fixtures.staff(Role.ADMIN).email());
        IntegrationsView view = navigate(IntegrationsView.class);
        assertThat(IntegrationsView.lag(view.healthOf(row(view, crm.name())))).isEqualTo("—");

        WriteBacksDialog dialog = new WriteBacksDialog(
                writeBacks, row(view, crm.name()));
        List<com.ibportal.ingestion.WriteBackView> rows = dialog.grid.getGenericDataView().getItems().toList();
        assertThat(rows).singleElement().satisfies(w -> {
            assertThat(w.status()).isEqualTo("FAILED");
            assertThat(w.lastError()).isEqualTo("HTTP 500");
        });
        dialog.retry(rows.getFirst());
        assertThat(dialog.grid.getGenericDataView().getItems().toList().getFirst().status()).isEqualTo("PENDING");
        dialog.status.setValue("FAILED");
        assertThat(dialog.grid.getGenericDataView().getItems().toList()).isEmpty();
    }

    private static ConnectorView row(IntegrationsView view, String name) {
        return all(view).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<ConnectorView> all(IntegrationsView view) {
        int total = view.grid.getDataProvider().size(new Query<>());
        return view.grid.getDataProvider().fetch(new Query<>(0, total, List.of(), null, null)).toList();
    }
}
