package com.ibportal.partners;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** What someone applying to become a partner tells us; the caps keep spam small. */
public record NewApplication(
        @NotBlank @Size(max = NewApplication.MAX_NAME) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter ISO country code") String country,
        @NotBlank @Size(max = NewApplication.MAX_CHANNELS) String channels,
        @NotNull @DecimalMin("0") @DecimalMax(NewApplication.MAX_LOTS) @Digits(integer = 7, fraction = 2) BigDecimal expectedMonthlyLots) {

    public static final int MAX_NAME = 200;
    public static final int MAX_CHANNELS = 500;
    public static final String MAX_LOTS = "1000000";
}
