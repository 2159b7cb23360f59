package com.ibportal.program;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The program settings as the API and the views exchange them. */
public record Program(
        @NotBlank @Size(max = 200) String brokerName,
        @NotBlank @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String registrationUrl,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be a 3-letter ISO currency code") String payoutCurrency,
        @NotNull @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 15, fraction = 4) BigDecimal minimumPayout,
        boolean maskClientPii) {
}
