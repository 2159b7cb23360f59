package com.ibportal.commissions;

import static com.ibportal.Fixtures.as;
import static com.ibportal.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.commissions.engine.FxRates;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import com.ibportal.security.SystemActor;
import com.ibportal.shared.CurrencyCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

@PortalIntegrationTest
@RecordApplicationEvents
class FxRatesApiTest {

    // Each test uses its own dates so that tests sharing the database never see each other's rates.
    private static final AtomicInteger DAY = new AtomicInteger((int) (System.currentTimeMillis() / 1000 % 300_000));

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    FxRateService service;
    @Autowired
    ApplicationEvents events;

    private static LocalDate freshDate() {
        return LocalDate.of(2100, 1, 1).plusDays(DAY.addAndGet(3));
    }

    @Test
    void recordingIsIdempotentAndAChangedRateIsRefused() throws Exception {
        PortalUser finance = fixtures.staff(Role.FINANCE);
        LocalDate day = freshDate();
        String batch = """
                [{"date": "%s", "base": "EUR", "quote": "USD", "rate": "1.0800"},
                 {"date": "%s", "base": "GBP", "quote": "USD", "rate": 1.27}]""".formatted(day, day);
        mvc.perform(json(post("/api/v1/fx-rates"), batch).with(as(finance)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.added").value(2))
                .andExpect(jsonPath("$.unchanged").value(0));
        assertThat(events.stream(FxRatesRecorded.class)).anySatisfy(e -> assertThat(e.added()).hasSize(2)
                .allSatisfy(r -> assertThat(r.date()).isEqualTo(day)));
        mvc.perform(json(post("/api/v1/fx-rates"), batch.replace("1.0800", "1.08")).with(as(finance)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added").value(0))
                .andExpect(jsonPath("$.unchanged").value(2));
        mvc.perform(json(post("/api/v1/fx-rates"), """
                        [{"date": "%s", "base": "CHF", "quote": "USD", "rate": "1.1"},
                         {"date": "%s", "base": "EUR", "quote": "USD", "rate": "1.09"}]""".formatted(day, day)).with(as(finance)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString("[1].rate")));
        // All or nothing: the CHF rate of the refused batch was not stored.
        mvc.perform(get("/api/v1/fx-rates?from=" + day + "&to=" + day).with(as(finance)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].base").value("EUR"))
                .andExpect(jsonPath("$[0].rate").value("1.08"))
                .andExpect(jsonPath("$[1].base").value("GBP"))
                .andExpect(jsonPath("$[1].rate").value("1.27"));
    }

    @Test
    void badEntriesAreNamed() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        LocalDate day = freshDate();
        mvc.perform(json(post("/api/v1/fx-rates"), """
                        [{"date": "%s", "base": "EUR", "quote": "USD", "rate": "1"},
                         {"date": "2026-13-01", "base": "usd", "quote": "EUR", "rate": "0"},
                         {"date": "%s", "base": "EUR", "quote": "USD", "rate": "-1.5"},
                         {"date": "%s", "base": "EUR", "quote": "USD", "rate": "abc", "extra": 1}]"""
                        .formatted(day, day, day)).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == '[1].date')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == '[1].base')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == '[3].rate')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == '[3].extra')]").exists());
        mvc.perform(json(post("/api/v1/fx-rates"), """
                        [{"date": "%s", "base": "EUR", "quote": "USD", "rate": "0"},
                         {"date": "%s", "base": "EUR", "quote": "JPY", "rate": "-1.5"},
                         {"date": "%s", "base": "EUR", "quote": "EUR", "rate": "1"}]""".formatted(day, day, day)).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == '[2].quote')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == '[0].rate')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == '[1].rate')]").exists());
        mvc.perform(json(post("/api/v1/fx-rates"), "{}").with(as(admin)))
                .andExpect(status().isBadRequest());
        mvc.perform(json(post("/api/v1/fx-rates"), """
                [{"date": "%s", "base": "EUR", "quote": "USD", "rate": "1.1"}]""".formatted(day))
                        .with(as(fixtures.ibWithLogin(fixtures.unique("IB"), null))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theEngineGetsDirectRatesInversesOfTheOppositePairOrNothing() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        LocalDate day = freshDate();
        mvc.perform(json(post("/api/v1/fx-rates"), """
                        [{"date": "%s", "base": "EUR", "quote": "USD", "rate": "1.08"},
                         {"date": "%s", "base": "USD", "quote": "JPY", "rate": "150"}]""".formatted(day, day)).with(as(admin)))
                .andExpect(status().isCreated());
        FxRates rates = SystemActor.call(service::fxRates);
        CurrencyCode eur = CurrencyCode.of("EUR");
        CurrencyCode usd = CurrencyCode.of("USD");
        CurrencyCode jpy = CurrencyCode.of("JPY");
        assertThat(rates.rate(day, eur, usd)).contains(new BigDecimal("1.08"));
        assertThat(rates.rate(day, usd, eur)).contains(new BigDecimal("0.925925925926"));
        assertThat(rates.rate(day, jpy, usd)).contains(new BigDecimal("0.006666666667"));
        assertThat(rates.rate(day, eur, jpy)).as("no cross rates").isEmpty();
        assertThat(rates.rate(day.plusDays(1), eur, usd)).as("another day").isEmpty();

        // A missing rate is not remembered: once recorded, the engine sees it; the direct rate beats a cached inverse.
        mvc.perform(json(post("/api/v1/fx-rates"), """
                        [{"date": "%s", "base": "EUR", "quote": "JPY", "rate": "162"},
                         {"date": "%s", "base": "USD", "quote": "EUR", "rate": "0.93"}]""".formatted(day, day)).with(as(admin)))
                .andExpect(status().isCreated());
        assertThat(rates.rate(day, eur, jpy)).contains(new BigDecimal("162"));
        assertThat(rates.rate(day, usd, eur)).contains(new BigDecimal("0.93"));
    }
}
