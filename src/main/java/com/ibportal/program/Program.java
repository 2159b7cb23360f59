package com.ibportal.program;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * The program settings as the API and the views exchange them. {@code defaultPlanCode} is the plan a partner
 * created without one gets (null: none); PUT replaces every field, so leaving it out clears it.
 */
public record Program(
        @NotBlank @Size(max = 200) String brokerName,
        @NotBlank @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String registrationUrl,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be a 3-letter ISO currency code") String payoutCurrency,
        @NotNull @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 15, fraction = 4) BigDecimal minimumPayout,
        boolean maskClientPii,
        @Size(max = 64) String defaultPlanCode) {

    /** Settings without a default plan: partners created without a plan get none. */
    public Program(String brokerName, String registrationUrl, String payoutCurrency, BigDecimal minimumPayout,
                   boolean maskClientPii) {
        this(brokerName, registrationUrl, payoutCurrency, minimumPayout, maskClientPii, null);
    }
}
