package com.ibportal.program;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@PortalIntegrationTest
class ProgramApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void adminChangesTheProgramAndFinanceReadsIt() throws Exception {
        var admin = fixtures.staff(Role.ADMIN);
        var finance = fixtures.staff(Role.FINANCE);
        String program = """
                {"brokerName": "Acme Markets", "registrationUrl": "https://acme.example/open-account",
                 "payoutCurrency": "EUR", "minimumPayout": "25.50", "maskClientPii": true}""";
        mvc.perform(put("/api/v1/program").with(httpBasic(admin.email(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(program))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.brokerName").value("Acme Markets"));
        mvc.perform(get("/api/v1/program").with(httpBasic(finance.email(), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.payoutCurrency").value("EUR"))
                .andExpect(jsonPath("$.minimumPayout").value("25.5000"));
        mvc.perform(put("/api/v1/program").with(httpBasic(finance.email(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(program))
                .andExpect(status().isForbidden());
    }

    @Test
    void invalidProgramNamesTheFields() throws Exception {
        var admin = fixtures.staff(Role.ADMIN);
        mvc.perform(put("/api/v1/program").with(httpBasic(admin.email(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"brokerName": "", "registrationUrl": "ftp://x", "payoutCurrency": "usd",
                                 "minimumPayout": "-1", "maskClientPii": true}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'brokerName')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'registrationUrl')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'payoutCurrency')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'minimumPayout')]").exists());
    }
}
