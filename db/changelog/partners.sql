--liquibase formatted sql

--changeset ibportal:partners-1
CREATE SEQUENCE partner_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE partner (
    id BIGINT NOT NULL PRIMARY KEY,
    code VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    name VARCHAR(200) NOT NULL,
    email VARCHAR(254) NOT NULL,
    status VARCHAR(16) NOT NULL,
    parent_id BIGINT NULL,
    may_recruit BOOLEAN NOT NULL DEFAULT TRUE,
    created_at DATETIME(6) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uq_partner_code UNIQUE (code),
    CONSTRAINT fk_partner_parent FOREIGN KEY (parent_id) REFERENCES partner (id),
    CONSTRAINT ck_partner_status CHECK (status IN ('ACTIVE', 'SUSPENDED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

--comment: closure table, effective-dated: each row says "ancestor is depth levels above descendant from valid_from until valid_to (open when NULL)"; depth 0 is the partner itself
CREATE TABLE partner_path (
    ancestor_id BIGINT NOT NULL,
    descendant_id BIGINT NOT NULL,
    depth INT NOT NULL,
    valid_from DATETIME(6) NOT NULL,
    valid_to DATETIME(6) NULL,
    PRIMARY KEY (descendant_id, ancestor_id, valid_from),
    KEY ix_partner_path_subtree (ancestor_id, valid_to, descendant_id),
    CONSTRAINT fk_partner_path_ancestor FOREIGN KEY (ancestor_id) REFERENCES partner (id),
    CONSTRAINT fk_partner_path_descendant FOREIGN KEY (descendant_id) REFERENCES partner (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

--changeset ibportal:partners-2
--comment: onboarding: one settings row, and partner applications (public "Become a partner" and sub-IB invitations); pending_email is set only while pending, so its unique key allows one pending application per email
CREATE TABLE onboarding_settings (
    id INT NOT NULL PRIMARY KEY,
    sub_ib_approval_required BOOLEAN NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT ck_onboarding_settings_single_row CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO onboarding_settings (id, sub_ib_approval_required, version) VALUES (1, TRUE, 0);

CREATE SEQUENCE partner_application_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE partner_application (
    id BIGINT NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    email VARCHAR(254) NOT NULL,
    country CHAR(2) CHARACTER SET ascii NOT NULL,
    channels VARCHAR(500) NOT NULL,
    expected_monthly_lots DECIMAL(19,2) NOT NULL,
    inviter_partner_id BIGINT NULL,
    status VARCHAR(16) NOT NULL,
    submitted_at DATETIME(6) NOT NULL,
    decided_at DATETIME(6) NULL,
    decided_by VARCHAR(254) NULL,
    reject_reason VARCHAR(500) NULL,
    partner_code VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    version BIGINT NOT NULL DEFAULT 0,
    pending_email VARCHAR(254) AS (IF(status = 'PENDING', email, NULL)) PERSISTENT,
    CONSTRAINT uq_partner_application_pending_email UNIQUE (pending_email),
    KEY ix_partner_application_status (status, submitted_at),
    CONSTRAINT fk_partner_application_inviter FOREIGN KEY (inviter_partner_id) REFERENCES partner (id),
    CONSTRAINT ck_partner_application_status CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
