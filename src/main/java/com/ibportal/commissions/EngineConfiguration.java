package com.ibportal.commissions;

import com.ibportal.commissions.engine.CommissionEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class EngineConfiguration {

    /** The engine is pure; it sees FX rates only through the rates table. */
    @Bean
    CommissionEngine commissionEngine(FxRateService fxRates) {
        return new CommissionEngine(fxRates.fxRates());
    }
}
