package com.ibportal.ingestion;

import static com.ibportal.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import com.ibportal.security.SystemActor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

@PortalIntegrationTest
class CsvImportApiTest {

    static final String HEADER = "id,type,occurredAt,clientId,referralCode,campaign,email,country,status,transactionId,"
            + "amount,currency,accountLogin,dealId,platform,symbol,lots,openedAt,closedAt,spreadRevenue,profit,swap,"
            + "commission";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ConnectorService connectors;
    @Autowired
    CsvImportService imports;
    @Autowired
    InboxService inbox;
    @Autowired
    JdbcTemplate jdbc;

    PortalUser admin;
    final List<Long> created = new ArrayList<>();

    @BeforeEach
    void setUp() {
        admin = fixtures.staff(Role.ADMIN);
    }

    /** Keeps this class's events away from other tests' processDue (the suite shares one database). */
    @AfterEach
    void retireImportedEvents() {
        created.forEach(id -> jdbc.update("UPDATE inbox_event SET status = 'PROCESSED' WHERE connector_id = ? "
                + "AND status = 'RECEIVED'", id));
    }

    private CreatedConnector csvConnector(String settings) {
        CreatedConnector connector = SystemActor.call(() -> connectors.create(new NewConnector(fixtures.unique("csv"), "CSV",
                "canonical", true, JsonValues.mapper().readTree(settings))));
        created.add(connector.id());
        return connector;
    }

    private ResultActions upload(long connectorId, String fileName, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/connectors/" + connectorId + "/import")
                .file(new MockMultipartFile("file", fileName, "text/csv", content)).with(as(admin)));
    }

    private ResultActions upload(long connectorId, String content) throws Exception {
        return upload(connectorId, "export.csv", content.getBytes(StandardCharsets.UTF_8));
    }

    private long stored(long connectorId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE connector_id = ?", Long.class, connectorId);
    }

    private static String row(String... cells) {
        return String.join(",", cells) + "\r\n";
    }

    private String goodFile(String prefix) {
        return HEADER + "\r\n"
                + prefix + "-r,client.registered,2026-10-01T09:00:00Z," + prefix + "-C1,P-1,spring,a@b.test,DE,,,,,,,,,,,,,,,\r\n"
                + prefix + "-d,deposit.completed,2026-10-01T10:00:00Z," + prefix + "-C1,,,,,,T-1,250.00,USD,1001,,,,,,,,,,\r\n"
                + prefix + "-k,client.kyc_changed,2026-10-01T11:00:00Z," + prefix + "-C1,,,,,APPROVED,,,,,,,,,,,,,,\r\n"
                + prefix + "-t,trade.closed,2026-10-02T10:00:00Z," + prefix + "-C1,,,,,,,,USD,1001,D-1,MT5,EURUSD,1.5,"
                + "2026-10-02T09:00:00Z,2026-10-02T10:00:00Z,3.00,-12.50,0,-1.00\r\n";
    }

    @Test
    void aGoodFileIsStoredAndImportingItAgainChangesNothing() throws Exception {
        CreatedConnector csv = csvConnector("{}");
        String prefix = fixtures.unique("ev");
        String file = goodFile(prefix);
        upload(csv.id(), file)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(4))
                .andExpect(jsonPath("$.accepted").value(4))
                .andExpect(jsonPath("$.duplicates").value(0))
                .andExpect(jsonPath("$.rejected").isEmpty());
        InboxEventView trade = SystemActor.call(() -> inbox.event(csv.id(), prefix + "-t"));
        assertThat(trade.type()).isEqualTo("trade.closed");
        assertThat(trade.status()).isEqualTo("RECEIVED");
        JsonNode payload = JsonValues.mapper().readTree(jdbc.queryForObject(
                "SELECT payload FROM inbox_event WHERE connector_id = ? AND event_id = ?", String.class, csv.id(), prefix + "-t"));
        assertThat(payload.at("/data/lots").asString()).isEqualTo("1.5");
        assertThat(payload.at("/data/profit").asString()).isEqualTo("-12.50");
        assertThat(payload.at("/data/referralCode").isMissingNode()).as("columns of other types are ignored").isTrue();
        RawDelivery raw = SystemActor.call(() -> inbox.rawDelivery(csv.id(), prefix + "-d"));
        assertThat(raw.body()).startsWith(HEADER + "\r\n").contains(prefix + "-d,deposit.completed");
        assertThat(raw.contentType()).isEqualTo("text/csv");
        assertThat(raw.webhookId()).isEqualTo("export.csv from line 2");

        upload(csv.id(), file)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.duplicates").value(4))
                .andExpect(jsonPath("$.rejected").isEmpty());
        assertThat(stored(csv.id())).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_delivery WHERE connector_id = ?", Long.class, csv.id()))
                .isEqualTo(1);
    }

    @Test
    void badRowsAreReportedWithTheirFileLinesAndTheGoodOnesTaken() throws Exception {
        CreatedConnector csv = csvConnector("{}");
        String p = fixtures.unique("ev");
        String file = "\uFEFF" + HEADER + "\r\n"                                                             // line 1
                + row(p + "-1", "client.registered", "2026-10-01T09:00:00Z", "C1", "P-1", "\"spring, autumn\"",
                "", "\"Cote d'Ivoire\"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "")       // line 2
                + row(p + "-2", "deposit.completed", "2026-10-01T09:00:00Z", "C1", "", "", "", "", "", "T1", "12,50",
                "USD", "", "", "", "", "", "", "", "", "", "", "")                                         // line 3: quoted? no: 12,50 splits
                + row(p + "-3", "client.registered", "2026-10-01T09:00:00Z", "C2", "", "\"two\nlines\"", "", "", "",
                "", "", "", "", "", "", "", "", "", "", "", "", "", "")                                      // lines 4-5
                + row(p + "-4", "deposit.completed", "yesterday", "C1", "", "", "", "", "", "T2", "-5", "USD", "", "",
                "", "", "", "", "", "", "", "", "")                                                          // line 6
                + row(p + "-5", "trade.opened", "2026-10-01T09:00:00Z", "C1", "", "", "", "", "", "", "", "", "", "",
                "", "", "", "", "", "", "", "", "")                                                          // line 7
                + "\r\n"                                                                                     // line 8 blank
                + row(p + "-6", "withdrawal.completed", "2026-10-01T09:00:00Z", "C1", "", "", "", "", "", "W1", "\"10.00\"",
                "EUR", "", "", "", "", "", "", "", "", "", "", "")                                           // line 9
                + row(p + "-7", "client.kyc_changed", "2026-10-01T09:00:00Z", "C1", "", "", "", "", "x\"y", "", "", "",
                "", "", "", "", "", "", "", "", "", "", "")                                                  // line 10
                + row(p + "-1", "client.registered", "2026-10-01T09:00:00Z", "C1", "", "", "", "", "", "", "", "", "",
                "", "", "", "", "", "", "", "", "", "");                                                      // line 11: same id, a duplicate
        JsonNode report = JsonValues.mapper().readTree(upload(csv.id(), file)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(report.get("rows").asLong()).isEqualTo(8);
        assertThat(report.get("accepted").asLong()).isEqualTo(3);
        assertThat(report.get("duplicates").asLong()).isEqualTo(1);
        assertThat(report.get("rejectedCount").asLong()).isEqualTo(4);
        List<String> rejected = new ArrayList<>();
        report.get("rejected").forEach(line -> rejected.add(line.get("line").asLong() + " " + line.get("reason").asString()));
        assertThat(rejected).hasSize(4);
        assertThat(rejected.get(0)).startsWith("3 has 24 fields, the header has 23");
        assertThat(rejected.get(1)).startsWith("6 ").contains("column \"occurredAt\"", "column \"amount\"");
        assertThat(rejected.get(2)).startsWith("7 column \"type\": unknown event type \"trade.opened\"");
        assertThat(rejected.get(3)).startsWith("10 ").contains("quote");
        assertThat(stored(csv.id())).isEqualTo(3);
        JsonNode registered = JsonValues.mapper().readTree(jdbc.queryForObject(
                "SELECT payload FROM inbox_event WHERE connector_id = ? AND event_id = ?", String.class, csv.id(), p + "-1"));
        assertThat(registered.at("/data/campaign").asString()).isEqualTo("spring, autumn");
        assertThat(registered.at("/data/country").asString()).isEqualTo("Cote d'Ivoire");
        JsonNode twoLines = JsonValues.mapper().readTree(jdbc.queryForObject(
                "SELECT payload FROM inbox_event WHERE connector_id = ? AND event_id = ?", String.class, csv.id(), p + "-3"));
        assertThat(twoLines.at("/data/campaign").asString()).isEqualTo("two\nlines");
    }

    @Test
    void aConnectorsColumnMappingImportsACrmExportAsItIs() throws Exception {
        CreatedConnector csv = csvConnector("""
                {"csvColumns": {"id": "Transaction No", "type": "Event", "occurredAt": "Date (UTC)",
                                "clientId": "Customer No", "transactionId": "Transaction No", "amount": "Amount",
                                "currency": "Ccy"}}""");
        String tx = fixtures.unique("TX");
        String file = "Customer No;x,Event,Date (UTC),Transaction No,Amount,Ccy,Sales Agent\n"
                + "C-77,deposit.completed,2026-10-03T08:00:00+02:00," + tx + ",99.90,usd,Bob\n";
        upload(csv.id(), file).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("Customer No")));

        file = "Customer No,event,Date (UTC),Transaction No,Amount,Ccy,Sales Agent\n"
                + "C-77,deposit.completed,2026-10-03T08:00:00+02:00," + tx + ",99.90,USD,Bob\n"
                + "C-78,deposit.completed,2026-10-03T08:00:00Z," + tx + "-2,abc,USD,Bob\n";
        upload(csv.id(), file).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected[0].line").value(3))
                .andExpect(jsonPath("$.rejected[0].reason").value(org.hamcrest.Matchers.startsWith("column \"Amount\" (amount): ")));
        InboxEventView event = SystemActor.call(() -> inbox.event(csv.id(), tx));
        assertThat(event.clientId()).isEqualTo("C-77");
        assertThat(event.occurredAt()).isEqualTo(java.time.Instant.parse("2026-10-03T06:00:00Z"));
    }

    @Test
    void aColumnMappingIsValidatedWhenSaved() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/connectors")
                        .contentType("application/json").content("""
                                {"name": "%s", "kind": "CSV", "format": "canonical",
                                 "settings": {"csvColumns": {"amout": "Amount", "clientId": " "}}}""".formatted(fixtures.unique("csv")))
                        .with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "settings.csvColumns.amout", "settings.csvColumns.clientId")));
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedWhole() throws Exception {
        CreatedConnector csv = csvConnector("{}");
        upload(csv.id(), "id,type,clientId\n1,client.registered,C\n").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("occurredAt")));
        upload(csv.id(), "").andExpect(status().isBadRequest());
        assertThat(stored(csv.id())).isZero();
    }

    @Test
    void onlyEnabledCsvConnectorsTakeFilesAndOnlyAdmins() throws Exception {
        CreatedConnector webhook = Deliveries.webhook(connectors, fixtures.unique("wh"), "canonical", null);
        upload(webhook.id(), goodFile(fixtures.unique("ev"))).andExpect(status().isConflict());
        CreatedConnector csv = csvConnector("{}");
        mvc.perform(multipart("/api/v1/connectors/" + csv.id() + "/import")
                        .file(new MockMultipartFile("file", "a.csv", "text/csv", goodFile("x").getBytes(StandardCharsets.UTF_8)))
                        .with(as(fixtures.staff(Role.FINANCE))))
                .andExpect(status().isForbidden());
        SystemActor.call(() -> connectors.change(csv.id(), new ConnectorChange(null, false, null)));
        upload(csv.id(), goodFile(fixtures.unique("ev"))).andExpect(status().isConflict());
        assertThat(stored(csv.id())).isZero();
    }

    @Test
    void aFileOverFiftyMegabytesIs413AndNothingIsStored() throws Exception {
        CreatedConnector csv = csvConnector("{}");
        byte[] big = new byte[(int) CsvImportService.MAX_FILE_BYTES + 1];
        byte[] start = goodFile(fixtures.unique("ev")).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, big, 0, start.length);
        java.util.Arrays.fill(big, start.length, big.length, (byte) '\n');
        upload(csv.id(), "big.csv", big).andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("50 MiB")));
        assertThat(stored(csv.id())).isZero();
    }

    /**
     * 100,000 rows through the service (as the UI calls it), with progress after every chunk; counts only, no timing
     * (about 17 s here). Importing a file twice is covered by the small file above.
     */
    @Test
    void aHundredThousandRowFileIsImportedInChunks() {
        CreatedConnector csv = csvConnector("{}");
        String p = fixtures.unique("big");
        int rows = 100_000;
        StringBuilder file = new StringBuilder(HEADER).append("\n");
        for (int i = 0; i < rows; i++) {
            file.append(p).append('-').append(i).append(",deposit.completed,2026-10-01T09:00:00Z,C-").append(i % 5000)
                    .append(",,,,,,T-").append(i).append(',').append(i % 1000 + 1).append(".25,USD,,,,,,,,,,,\n");
        }
        byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
        List<Long> progress = new ArrayList<>();
        ImportReport report = SystemActor.call(() -> imports.importCsv(csv.id(), "big.csv", new ByteArrayInputStream(bytes),
                bytes.length, progress::add));
        assertThat(report.rows()).isEqualTo(rows);
        assertThat(report.accepted()).isEqualTo(rows);
        assertThat(report.rejectedCount()).isZero();
        assertThat(stored(csv.id())).isEqualTo(rows);
        assertThat(progress).as("after every chunk").hasSizeGreaterThanOrEqualTo(rows / CsvImportService.CHUNK_ROWS)
                .isSorted().startsWith((long) CsvImportService.CHUNK_ROWS).endsWith((long) rows);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_delivery WHERE connector_id = ?", Long.class, csv.id()))
                .as("one raw delivery per chunk").isEqualTo(rows / CsvImportService.CHUNK_ROWS);
    }
}
