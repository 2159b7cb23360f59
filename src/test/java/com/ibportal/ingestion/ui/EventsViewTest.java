package com.ibportal.ingestion.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.ingestion.ConnectorService;
import com.ibportal.ingestion.CreatedConnector;
import com.ibportal.ingestion.Deliveries;
import com.ibportal.ingestion.InboxEventView;
import com.ibportal.ingestion.InboxService;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.security.Role;
import com.ibportal.security.SystemActor;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@PortalIntegrationTest
class EventsViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ConnectorService connectors;
    @Autowired
    InboxService inbox;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        fixtures.signOut();
    }

    @Test
    void listsAConnectorsEventsFiltersByStatusShowsTheRawDeliveryAndReplaysAFailedOne() throws Exception {
        CreatedConnector crm = Deliveries.webhook(connectors, fixtures.unique("EV"), "canonical", JsonValues.mapper().readTree("{}"));
        String ok = fixtures.unique("ev");
        String bad = fixtures.unique("ev");
        String body = "[" + Deliveries.deposit(ok, "C", "2026-10-01T09:00:00Z") + ","
                + Deliveries.registered(bad, "C", "2026-10-01T08:00:00Z") + "]";
        mvc.perform(Deliveries.signed(crm.id(), crm.secret(), body)).andExpect(status().isAccepted());
        jdbc.update("UPDATE inbox_event SET status = 'FAILED', reason = 'no plan', attempts = 8 WHERE connector_id = ? AND event_id = ?",
                crm.id(), bad);
        fixtures.signIn(fixtures.staff(Role.ADMIN).email());

        navigate(EventsView.class);
        // as the Integrations view's "Events" button goes there
        UI.getCurrent().navigate(EventsView.class, QueryParameters.of(EventsView.CONNECTOR_PARAMETER, Long.toString(crm.id())));
        EventsView view = (EventsView) getCurrentView();
        assertThat(view.connector.getValue().id()).isEqualTo(crm.id());
        assertThat(rows(view)).extracting(InboxEventView::id).containsExactlyInAnyOrder(ok, bad);
        assertThat(view.summary.getText()).isEqualTo("2 events");

        view.status.setValue("FAILED");
        assertThat(rows(view)).extracting(InboxEventView::id).containsExactly(bad);
        view.status.clear();
        view.type.setValue("deposit.completed");
        assertThat(rows(view)).extracting(InboxEventView::id).containsExactly(ok);
        view.type.clear();

        InboxEventView failed = rows(view).stream().filter(e -> e.id().equals(bad)).findFirst().orElseThrow();
        view.grid.select(failed);
        assertThat(view.details.isVisible()).isTrue();
        assertThat(view.detailsText.getText()).contains("FAILED").contains("no plan");
        assertThat(view.raw.getText()).contains("\"transactionId\" : \"" + ok + "\"").contains(bad);
        assertThat(view.replay.isEnabled()).isTrue();
        test(view.replay).click();

        assertThat(SystemActor.call(() -> inbox.event(crm.id(), bad)).status()).isEqualTo("RECEIVED");
        InboxEventView processed = rows(view).stream().filter(e -> e.id().equals(ok)).findFirst().orElseThrow();
        jdbc.update("UPDATE inbox_event SET status = 'PROCESSED' WHERE connector_id = ? AND event_id = ?", crm.id(), ok);
        view.reload();
        view.grid.select(rows(view).stream().filter(e -> e.id().equals(processed.id())).findFirst().orElseThrow());
        assertThat(view.replay.isEnabled()).as("a processed event is never replayed").isFalse();
    }

    private static List<InboxEventView> rows(EventsView view) {
        int total = view.grid.getDataProvider().size(new Query<>());
        return view.grid.getDataProvider().fetch(new Query<>(0, total, List.of(), null, null)).toList();
    }
}
