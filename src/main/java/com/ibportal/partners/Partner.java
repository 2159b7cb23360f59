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
import java.time.Instant;

/** An introducing broker. With a parent it is a sub-IB of that master. */
@Entity
@Table(name = "partner")
class Partner {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "partner_seq")
    @SequenceGenerator(name = "partner_seq", sequenceName = "partner_seq", allocationSize = 50)
    private Long id;
    private String code;
    private String name;
    private String email;
    @Enumerated(EnumType.STRING)
    private PartnerStatus status;
    private Long parentId;
    private boolean mayRecruit;
    private Instant createdAt;
    @Version
    private long version;

    protected Partner() {
    }

    Partner(String code, String name, String email, Long parentId, Instant createdAt) {
        this.code = code;
        this.name = name;
        this.email = email;
        this.parentId = parentId;
        this.status = PartnerStatus.ACTIVE;
        this.mayRecruit = true;
        this.createdAt = createdAt;
    }

    PartnerSummary toSummary(String parentCode) {
        return new PartnerSummary(id, code, name, email, parentCode, status, createdAt, mayRecruit);
    }

    /** Puts this partner under another one (null: top level); the closure table carries the dates. */
    void moveUnder(Long newParentId) {
        if (newParentId != null && newParentId.equals(id)) {
            throw new IllegalStateException("a partner cannot be its own parent");
        }
        this.parentId = newParentId;
    }

    void rename(String name) {
        this.name = name;
    }

    void changeEmail(String email) {
        this.email = email;
    }

    void changeStatus(PartnerStatus status) {
        this.status = status;
    }

    void allowRecruiting(boolean mayRecruit) {
        this.mayRecruit = mayRecruit;
    }

    String getName() {
        return name;
    }

    String getEmail() {
        return email;
    }

    PartnerStatus getStatus() {
        return status;
    }

    boolean mayRecruit() {
        return mayRecruit;
    }

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    Long getParentId() {
        return parentId;
    }
}
