package com.ibportal.clients;

import java.math.BigDecimal;
import java.time.Instant;

/** A client as the API shows it; {@code partnerCode} is its current partner, null when unattributed. */
public record ClientDetails(String externalId, String partnerCode, KycStatus kycStatus, String country, Instant registeredAt,
                            Instant ftdAt, BigDecimal ftdAmount, String email) {

    /** The same client with its email masked ({@code j***@gmail.com}), as IBs see it. */
    public ClientDetails masked() {
        return new ClientDetails(externalId, partnerCode, kycStatus, country, registeredAt, ftdAt, ftdAmount, maskEmail(email));
    }

    static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
