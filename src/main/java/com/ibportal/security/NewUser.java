package com.ibportal.security;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What it takes to create a login. An IB login names the partner it acts for. */
public record NewUser(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(min = 10, max = 200, message = "must be 10 to 200 characters") String password,
        @NotNull Role role,
        @Size(max = 64) String partnerCode,
        @Size(max = 200) String displayName) {
}
