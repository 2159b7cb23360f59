package com.ibportal.commissions;

import com.ibportal.commissions.engine.CommissionEngine;
import com.ibportal.commissions.engine.FxRates;
import com.ibportal.security.SystemActor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class EngineConfiguration {

    /**
     * The engine is pure; it sees FX rates only through the rates table. The table is fetched on first
     * use, not while the context starts, when method security cannot yet tell who is asking.
     */
    @Bean
    CommissionEngine commissionEngine(FxRateService fxRateService) {
        FxRates table = new FxRates() {
            private volatile FxRates rates;

            @Override
            public java.util.Optional<java.math.BigDecimal> rate(java.time.LocalDate utcDate,
                                                                 com.ibportal.shared.CurrencyCode base,
                                                                 com.ibportal.shared.CurrencyCode quote) {
                FxRates current = rates;
                if (current == null) {
                    current = SystemActor.call(fxRateService::fxRates);
                    rates = current;
                }
                return current.rate(utcDate, base, quote);
            }
        };
        return new CommissionEngine(table);
    }
}
