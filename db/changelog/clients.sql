--liquibase formatted sql

--changeset ibportal:clients-1
CREATE SEQUENCE client_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE client (
    id BIGINT NOT NULL PRIMARY KEY,
    external_id VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    email_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    email VARCHAR(254) NULL,
    country CHAR(2) NULL,
    registered_at DATETIME(6) NOT NULL,
    referral_code VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    campaign VARCHAR(100) NULL,
    kyc_status VARCHAR(16) NOT NULL,
    ftd_at DATETIME(6) NULL,
    ftd_amount DECIMAL(19,4) NULL,
    ftd_currency CHAR(3) NULL,
    created_at DATETIME(6) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uq_client_external_id UNIQUE (external_id),
    KEY ix_client_registered (registered_at),
    KEY ix_client_ftd (ftd_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

--comment: who a client belongs to, effective-dated; at most one open row per client
CREATE SEQUENCE client_attribution_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE client_attribution (
    id BIGINT NOT NULL PRIMARY KEY,
    client_id BIGINT NOT NULL,
    partner_id BIGINT NOT NULL,
    valid_from DATETIME(6) NOT NULL,
    valid_to DATETIME(6) NULL,
    reason VARCHAR(32) NOT NULL,
    recorded_at DATETIME(6) NOT NULL,
    recorded_by VARCHAR(254) NOT NULL,
    KEY ix_client_attribution_client (client_id, valid_from),
    KEY ix_client_attribution_partner (partner_id, valid_to, client_id),
    CONSTRAINT fk_client_attribution_client FOREIGN KEY (client_id) REFERENCES client (id),
    CONSTRAINT fk_client_attribution_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
