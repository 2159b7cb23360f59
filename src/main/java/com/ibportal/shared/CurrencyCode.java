package com.ibportal.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/** An ISO 4217-style currency code: exactly three upper-case letters, such as {@code USD}. */
public record CurrencyCode(String code) {

    private static final Pattern THREE_UPPER_CASE_LETTERS = Pattern.compile("[A-Z]{3}");

    public CurrencyCode {
        Objects.requireNonNull(code, "currency code");
        if (!THREE_UPPER_CASE_LETTERS.matcher(code).matches()) {
            throw new IllegalArgumentException("a currency must be a 3-letter upper-case ISO 4217 code like \"USD\"");
        }
    }

    public static CurrencyCode of(String code) {
        return new CurrencyCode(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
