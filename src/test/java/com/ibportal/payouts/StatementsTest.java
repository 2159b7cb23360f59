package com.ibportal.payouts;

import static com.ibportal.Fixtures.as;
import static com.ibportal.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.processing.PipelineHarness;
import com.ibportal.program.Program;
import com.ibportal.program.ProgramService;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The statement workflow (approve, pay), who may see what, and the exports. */
@PortalIntegrationTest
@RecordApplicationEvents
class StatementsTest {

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
    @Autowired
    ApplicationEvents events;

    PortalUser admin;
    PortalUser finance;
    PayoutTestSupport payouts;
    Program before;
    YearMonth month;

    @BeforeEach
    void setUp() {
        admin = fixtures.staff(Role.ADMIN);
        finance = fixtures.staff(Role.FINANCE);
        payouts = new PayoutTestSupport(fixtures, mvc, jdbc, PipelineHarness.create(context, mvc, admin), finance);
        before = PayoutTestSupport.minimumPayout(program, "50.00");
        month = payouts.nextFreeMonth();
    }

    @AfterEach
    void restore() {
        PayoutTestSupport.restore(program, before);
    }

    private List<String> lineStatuses(String partnerCode) {
        return jdbc.sql("SELECT status FROM ledger_line WHERE partner_code = :p ORDER BY id").param("p", partnerCode)
                .query(String.class).list();
    }

    private long audits(String action, long statementId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND target = :t AND actor = :who")
                .param("a", action).param("t", "statement " + statementId).param("who", finance.email())
                .query(Long.class).single();
    }

    @Test
    void financeApprovesAndMarksPaidWhichMovesTheLinesToPaidAndAuditsEachStep() throws Exception {
        PortalUser ib = payouts.partner("10.00");
        PortalUser other = payouts.partner("10.00");
        String client = payouts.approvedClient(ib.partnerCode(), month);
        payouts.trade(client, month, 5, "6.00");
        payouts.trade(client, month, 6, "1.50");
        String otherClient = payouts.approvedClient(other.partnerCode(), month);
        payouts.trade(otherClient, month, 5, "8.00");
        payouts.close(month);
        long id = payouts.statement(ib.partnerCode(), month).get("id").asLong();
        long otherId = payouts.statement(other.partnerCode(), month).get("id").asLong();

        mvc.perform(post("/api/v1/statements/" + id + "/approve").with(as(ib))).andExpect(status().isForbidden());
        mvc.perform(json(post("/api/v1/statements/" + id + "/paid"), "{\"reference\":\"X\",\"paidOn\":\"2026-01-05\"}")
                .with(as(finance))).andExpect(status().isConflict());
        mvc.perform(json(post("/api/v1/statements/bulk-approve"), "{\"ids\":[" + id + "," + otherId + "]}").with(as(finance)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("APPROVED"))
                .andExpect(jsonPath("$[1].status").value("APPROVED"));
        assertThat(audits("STATEMENT_APPROVED", id)).isEqualTo(1);
        assertThat(events.stream(StatementApproved.class).filter(e -> e.statementId() == id)).hasSize(1);
        // Approving again changes nothing.
        mvc.perform(post("/api/v1/statements/" + id + "/approve").with(as(finance))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        assertThat(audits("STATEMENT_APPROVED", id)).isEqualTo(1);

        String file = mvc.perform(get("/api/v1/periods/" + month + "/payout-file.csv").with(as(finance)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(file).startsWith("partner,partnerName,statement,period,amount,currency,paymentDetails\r\n")
                .contains(ib.partnerCode() + ",Partner " + ib.partnerCode() + "," + id + "," + month + ",75.00,USD,\r\n")
                .contains(other.partnerCode() + ",Partner " + other.partnerCode() + "," + otherId + "," + month + ",80.00,USD,\r\n");

        mvc.perform(json(post("/api/v1/statements/" + id + "/paid"), "{\"reference\":\" \",\"paidOn\":\"2026-01-05\"}")
                .with(as(finance))).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reference"));
        mvc.perform(json(post("/api/v1/statements/" + id + "/paid"), "{\"reference\":\"BANK-77\",\"paidOn\":\"2026-01-05\"}")
                .with(as(finance))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAID"))
                .andExpect(jsonPath("$.paymentReference").value("BANK-77"))
                .andExpect(jsonPath("$.paidOn").value("2026-01-05"))
                .andExpect(jsonPath("$.paidBy").value(finance.email()));
        assertThat(lineStatuses(ib.partnerCode())).containsExactly("PAID", "PAID");
        assertThat(lineStatuses(other.partnerCode())).containsExactly("PAYABLE");
        assertThat(audits("STATEMENT_PAID", id)).isEqualTo(1);
        assertThat(events.stream(StatementPaid.class).filter(e -> e.statementId() == id && e.reference().equals("BANK-77")))
                .hasSize(1);
        // The same payment again is a safe retry; another one is a conflict, and so is approving a paid statement.
        mvc.perform(json(post("/api/v1/statements/" + id + "/paid"), "{\"reference\":\"BANK-77\",\"paidOn\":\"2026-01-05\"}")
                .with(as(finance))).andExpect(status().isOk());
        mvc.perform(json(post("/api/v1/statements/" + id + "/paid"), "{\"reference\":\"BANK-78\",\"paidOn\":\"2026-01-05\"}")
                .with(as(finance))).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/statements/" + id + "/approve").with(as(finance))).andExpect(status().isConflict());
        assertThat(audits("STATEMENT_PAID", id)).isEqualTo(1);
        mvc.perform(get("/api/v1/statements?period=" + month + "&status=PAID&partnerCode=" + ib.partnerCode()).with(as(finance)))
                .andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void anIbSeesItsOwnStatementsOnlyAndAnythingElseIsNotFound() throws Exception {
        PortalUser ib = payouts.partner("10.00");
        PortalUser stranger = payouts.partner("10.00");
        String client = payouts.approvedClient(ib.partnerCode(), month);
        payouts.trade(client, month, 5, "6.00");
        payouts.close(month);
        long id = payouts.statement(ib.partnerCode(), month).get("id").asLong();

        mvc.perform(get("/api/v1/statements/" + id).with(as(ib))).andExpect(status().isOk())
                .andExpect(jsonPath("$.partnerCode").value(ib.partnerCode()))
                .andExpect(jsonPath("$.total").value("60.00"));
        mvc.perform(get("/api/v1/statements").with(as(ib))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(id));
        mvc.perform(get("/api/v1/statements/" + id).with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/statements/" + id + ".csv").with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/statements/" + id + ".pdf").with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/statements?partnerCode=" + ib.partnerCode()).with(as(stranger))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/periods").with(as(ib))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/periods/" + month + "/payout-file.csv").with(as(ib))).andExpect(status().isForbidden());
    }

    @Test
    void theCsvListsTheLinesAndThePdfHoldsTheTotal() throws Exception {
        PortalUser ib = payouts.partner("10.00");
        String client = payouts.approvedClient(ib.partnerCode(), month);
        payouts.trade(client, month, 5, "6.00");
        payouts.trade(client, month, 9, "0.35");
        payouts.close(month);
        JsonNode statement = payouts.statement(ib.partnerCode(), month);
        long id = statement.get("id").asLong();

        String csv = mvc.perform(get("/api/v1/statements/" + id + ".csv").with(as(ib))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"statement-" + id + ".csv\""))
                .andReturn().getResponse().getContentAsString();
        List<String> rows = csv.lines().toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo("statement,partner,period,line,occurredAt,postedAt,rule,level,section,client,event,"
                + "amount,currency,status,explanation");
        assertThat(rows.get(1)).startsWith(id + "," + ib.partnerCode() + "," + month + ",")
                .contains(",PER_LOT,0,PER_LOT/0," + client + ",").contains(",60.0000,USD,PAYABLE,");
        assertThat(rows.get(2)).contains(",3.5000,USD,PAYABLE,");

        byte[] pdf = mvc.perform(get("/api/v1/statements/" + id + ".pdf").with(as(ib))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            assertThat(text.toString()).contains(ib.partnerCode()).contains("Commission statement " + month)
                    .contains("63.50 USD").contains("Per lot (direct)").contains(program.brokerName());
        } finally {
            reader.close();
        }
    }
}
