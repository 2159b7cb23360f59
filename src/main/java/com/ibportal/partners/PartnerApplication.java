package com.ibportal.partners;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** Someone who wants to become a partner, from the public page or a sub-IB invitation (then with its inviter). */
@Entity
@Table(name = "partner_application")
class PartnerApplication {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "partner_application_seq")
    @SequenceGenerator(name = "partner_application_seq", sequenceName = "partner_application_seq", allocationSize = 50)
    private Long id;
    private String name;
    private String email;
    private String country;
    private String channels;
    private BigDecimal expectedMonthlyLots;
    private Long inviterPartnerId;
    @Enumerated(EnumType.STRING)
    private ApplicationStatus status;
    private Instant submittedAt;
    private Instant decidedAt;
    private String decidedBy;
    private String rejectReason;
    private String partnerCode;
    @Version
    private long version;

    protected PartnerApplication() {
    }

    PartnerApplication(String name, String email, String country, String channels, BigDecimal expectedMonthlyLots,
                       Long inviterPartnerId, Instant submittedAt) {
        this.name = name;
        this.email = email;
        this.country = country;
        this.channels = channels;
        this.expectedMonthlyLots = expectedMonthlyLots;
        this.inviterPartnerId = inviterPartnerId;
        this.status = ApplicationStatus.PENDING;
        this.submittedAt = submittedAt;
    }

    void approve(String partnerCode, String by, Instant at) {
        this.status = ApplicationStatus.APPROVED;
        this.partnerCode = partnerCode;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    void reject(String reason, String by, Instant at) {
        this.status = ApplicationStatus.REJECTED;
        this.rejectReason = reason;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    ApplicationSummary toSummary(String inviterCode) {
        return new ApplicationSummary(id, name, email, country, channels, expectedMonthlyLots, inviterCode, status, submittedAt,
                decidedAt, decidedBy, rejectReason, partnerCode);
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getEmail() {
        return email;
    }

    Long getInviterPartnerId() {
        return inviterPartnerId;
    }

    ApplicationStatus getStatus() {
        return status;
    }
}
