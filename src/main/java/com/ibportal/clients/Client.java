package com.ibportal.clients;

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

/** A trader at the broker, known by the CRM's id. */
@Entity
@Table(name = "client")
class Client {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "client_seq")
    @SequenceGenerator(name = "client_seq", sequenceName = "client_seq", allocationSize = 50)
    private Long id;
    private String externalId;
    private String emailHash;
    /** AES-GCM ciphertext ({@link ClientEmailCipher}), never the address itself. */
    private String email;
    private String country;
    private Instant registeredAt;
    private String referralCode;
    private String campaign;
    @Enumerated(EnumType.STRING)
    private KycStatus kycStatus;
    private Instant ftdAt;
    private BigDecimal ftdAmount;
    private String ftdCurrency;
    private Instant createdAt;
    @Version
    private long version;

    protected Client() {
    }

    Client(String externalId, String sealedEmail, String emailHash, String country, Instant registeredAt, String referralCode,
           String campaign, Instant createdAt) {
        this.externalId = externalId;
        this.email = sealedEmail;
        this.emailHash = emailHash;
        this.country = country;
        this.registeredAt = registeredAt;
        this.referralCode = referralCode;
        this.campaign = campaign;
        this.kycStatus = KycStatus.NOT_STARTED;
        this.createdAt = createdAt;
    }

    void changeKyc(KycStatus status) {
        this.kycStatus = status;
    }

    /** Records the first deposit; a later deposit is not a first deposit and changes nothing. */
    boolean recordDeposit(Instant at, BigDecimal amount, String currency) {
        if (ftdAt != null && !at.isBefore(ftdAt)) {
            return false;
        }
        ftdAt = at;
        ftdAmount = amount;
        ftdCurrency = currency;
        return true;
    }

    Long getId() {
        return id;
    }

    String getSealedEmail() {
        return email;
    }

    KycStatus getKycStatus() {
        return kycStatus;
    }

    Instant getRegisteredAt() {
        return registeredAt;
    }

    String getExternalId() {
        return externalId;
    }
}
