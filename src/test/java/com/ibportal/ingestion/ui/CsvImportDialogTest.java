package com.ibportal.ingestion.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.ingestion.ConnectorService;
import com.ibportal.ingestion.ConnectorView;
import com.ibportal.ingestion.CreatedConnector;
import com.ibportal.ingestion.ImportReport;
import com.ibportal.ingestion.NewConnector;
import com.ibportal.security.Role;
import com.ibportal.security.SystemActor;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.server.VaadinSession;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@PortalIntegrationTest
class CsvImportDialogTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ConnectorService connectors;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        fixtures.signOut();
    }

    @Test
    void uploadingAFileRunsTheImportAndShowsTheReportWithTheRejectedLines() throws Exception {
        CreatedConnector csv = SystemActor.call(() -> connectors.create(new NewConnector(fixtures.unique("CSVUI"), "CSV",
                "canonical", true, null)));
        fixtures.signIn(fixtures.staff(Role.ADMIN).email());
        IntegrationsView view = navigate(IntegrationsView.class);
        ConnectorView row = view.grid.getDataProvider().fetch(new Query<>()).filter(c -> c.id() == csv.id())
                .findFirst().orElseThrow();
        CsvImportDialog dialog = view.openImport(row);
        String p = fixtures.unique("ev");
        String file = "id,type,occurredAt,clientId,referralCode,transactionId,amount,currency\r\n"
                + p + "-1,client.registered,2026-10-01T09:00:00Z,C-1,P-1,,,\r\n"
                + p + "-2,deposit.completed,2026-10-01T10:00:00Z,C-1,,T-1,nope,USD\r\n"
                + p + "-3,deposit.completed,2026-10-01T10:00:00Z,C-1,,T-2,\"1,000.00\",USD\r\n"
                + p + "-4,deposit.completed,2026-10-01T11:00:00Z,C-1,,T-3,10.00,USD\r\n";

        test(dialog.upload).upload("crm export.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8));
        long deadline = System.currentTimeMillis() + 30_000;
        while (dialog.counts.getText().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            // the import thread's UI.access commands wait for the session, which the test thread holds
            VaadinSession session = VaadinSession.getCurrent();
            session.getService().runPendingAccessTasks(session);
            roundTrip();
        }

        assertThat(dialog.running.get()).extracting(ImportReport::accepted).isEqualTo(2L);
        assertThat(dialog.counts.getText()).isEqualTo("2 accepted, 0 duplicates, 2 rejected");
        assertThat(dialog.status.getText()).isEqualTo("Imported crm export.csv: 4 rows.");
        List<ImportReport.RejectedLine> lines = dialog.rejected.getDataProvider().fetch(new Query<>()).toList();
        assertThat(lines).extracting(ImportReport.RejectedLine::line).containsExactly(3L, 4L);
        assertThat(dialog.rejected.isVisible()).isTrue();
        assertThat(dialog.progress.isVisible()).isFalse();
        assertThat(UI.getCurrent().getPollInterval()).as("polling stops with the import").isEqualTo(-1);
        ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
        test(dialog.download).download(downloaded);
        assertThat(downloaded.toString(StandardCharsets.UTF_8)).startsWith("line,reason\r\n3,\"column \"\"amount\"\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE connector_id = ?", Long.class, csv.id()))
                .isEqualTo(2);
        jdbc.update("UPDATE inbox_event SET status = 'PROCESSED' WHERE connector_id = ?", csv.id());
    }
}
