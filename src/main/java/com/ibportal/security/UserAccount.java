package com.ibportal.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/** A login: email, password hash, role and, for an IB, the partner it acts for. */
@Entity
@jakarta.persistence.Table(name = "user_account")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_account_seq")
    @SequenceGenerator(name = "user_account_seq", sequenceName = "user_account_seq", allocationSize = 50)
    private Long id;
    private String email;
    private String passwordHash;
    @Enumerated(EnumType.STRING)
    private Role role;
    private String partnerCode;
    private String displayName;
    private boolean enabled;
    private int failedLogins;
    private Instant lockedUntil;
    private String locale;
    private Instant createdAt;
    @Version
    private long version;

    protected UserAccount() {
    }

    UserAccount(String email, String passwordHash, Role role, String partnerCode, String displayName, Instant createdAt) {
        this.email = email;
        this.passwordHash = passwordHash;
        this.role = role;
        this.partnerCode = partnerCode;
        this.displayName = displayName;
        this.enabled = true;
        this.locale = "en";
        this.createdAt = createdAt;
    }

    /** Counts a wrong password; the limit-th one in a row locks the account for a while. */
    boolean recordFailedLogin(Instant now, int limit, Duration lockout) {
        failedLogins++;
        if (failedLogins >= limit) {
            lockedUntil = now.plus(lockout);
            failedLogins = 0;
            return true;
        }
        return false;
    }

    void recordSuccessfulLogin() {
        failedLogins = 0;
        lockedUntil = null;
    }

    void unlock() {
        recordSuccessfulLogin();
    }

    /** Disabled, the login cannot sign in nor use the API (its partner is suspended). */
    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void changeEmail(String email) {
        this.email = email;
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
        recordSuccessfulLogin();
    }

    String getPartnerCode() {
        return partnerCode;
    }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    PortalUser toPortalUser() {
        return new PortalUser(id, email, displayName, role, partnerCode, locale);
    }

    Long getId() {
        return id;
    }

    String getEmail() {
        return email;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    Role getRole() {
        return role;
    }

    boolean isEnabled() {
        return enabled;
    }

    int getFailedLogins() {
        return failedLogins;
    }

    Instant getLockedUntil() {
        return lockedUntil;
    }
}
