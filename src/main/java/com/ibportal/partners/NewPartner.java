package com.ibportal.partners;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What it takes to create a partner; a parent or plan given here holds from the beginning of time.
 * Without a plan the partner gets the program's default plan, if one is set.
 */
public record NewPartner(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]*", message = "letters, digits, '-' and '_' only (it goes into URLs)") String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 64) String parentCode,
        @Size(max = 64) String planCode) {

    /** A partner with the program's default plan. */
    public NewPartner(String code, String name, String email, String parentCode) {
        this(code, name, email, parentCode, null);
    }
}
