package com.ibportal.clients;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** "Client C belongs to partner P from valid_from until valid_to (open when null)." Closed, never edited otherwise. */
@Entity
@Table(name = "client_attribution")
class ClientAttribution {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "client_attribution_seq")
    @SequenceGenerator(name = "client_attribution_seq", sequenceName = "client_attribution_seq", allocationSize = 50)
    private Long id;
    private Long clientId;
    private Long partnerId;
    private Instant validFrom;
    private Instant validTo;
    private String reason;
    private Instant recordedAt;
    private String recordedBy;

    protected ClientAttribution() {
    }

    ClientAttribution(Long clientId, Long partnerId, Instant validFrom, String reason, Instant recordedAt, String recordedBy) {
        this.clientId = clientId;
        this.partnerId = partnerId;
        this.validFrom = validFrom;
        this.reason = reason;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    /** Ends this attribution at {@code at}; it must be open and have started before then. */
    void closeAt(Instant at) {
        if (validTo != null) {
            throw new IllegalStateException("attribution " + id + " is already closed");
        }
        if (!at.isAfter(validFrom)) {
            throw new IllegalStateException("attribution " + id + " starts at " + validFrom + ", not before " + at);
        }
        validTo = at;
    }

    Long getPartnerId() {
        return partnerId;
    }

    Instant getValidFrom() {
        return validFrom;
    }
}
