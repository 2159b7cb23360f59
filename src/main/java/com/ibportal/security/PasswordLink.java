package com.ibportal.security;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A single-use set-password link; only the SHA-256 of its token is kept. */
@Entity
@Table(name = "password_link")
class PasswordLink {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "password_link_seq")
    @SequenceGenerator(name = "password_link_seq", sequenceName = "password_link_seq", allocationSize = 50)
    private Long id;
    private long userAccountId;
    private String tokenHash;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant usedAt;

    protected PasswordLink() {
    }

    PasswordLink(long userAccountId, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.userAccountId = userAccountId;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean isUsableAt(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }

    void use(Instant now) {
        usedAt = now;
    }

    long getUserAccountId() {
        return userAccountId;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }
}
