package com.ibportal.security;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A bearer token for the REST API; only its SHA-256 is stored, the token itself is shown once. */
@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
    @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 50)
    private Long id;
    private Long userAccountId;
    private String name;
    private String tokenHash;
    private String tokenPrefix;
    private Instant createdAt;
    private Instant lastUsedAt;
    private Instant revokedAt;

    protected ApiToken() {
    }

    ApiToken(Long userAccountId, String name, String tokenHash, String tokenPrefix, Instant createdAt) {
        this.userAccountId = userAccountId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.tokenPrefix = tokenPrefix;
        this.createdAt = createdAt;
    }

    boolean isActive() {
        return revokedAt == null;
    }

    /** Notes the use to the minute, so a busy integration does not write this row on every request. */
    void markUsed(Instant now) {
        if (lastUsedAt == null || lastUsedAt.isBefore(now.minusSeconds(60))) {
            lastUsedAt = now;
        }
    }

    void revoke(Instant now) {
        revokedAt = now;
    }

    Long getUserAccountId() {
        return userAccountId;
    }
}
