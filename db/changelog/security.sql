--liquibase formatted sql

--changeset ibportal:security-1
CREATE SEQUENCE user_account_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE user_account (
    id BIGINT NOT NULL PRIMARY KEY,
    email VARCHAR(254) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    role VARCHAR(16) NOT NULL,
    partner_code VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    display_name VARCHAR(200) NOT NULL,
    enabled BOOLEAN NOT NULL,
    failed_logins INT NOT NULL DEFAULT 0,
    locked_until DATETIME(6) NULL,
    locale VARCHAR(16) NOT NULL DEFAULT 'en',
    created_at DATETIME(6) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uq_user_account_email UNIQUE (email),
    CONSTRAINT ck_user_account_role CHECK (role IN ('ADMIN', 'FINANCE', 'IB'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE SEQUENCE api_token_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE api_token (
    id BIGINT NOT NULL PRIMARY KEY,
    user_account_id BIGINT NOT NULL,
    name VARCHAR(100) NOT NULL,
    token_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    token_prefix VARCHAR(16) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    last_used_at DATETIME(6) NULL,
    revoked_at DATETIME(6) NULL,
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_user FOREIGN KEY (user_account_id) REFERENCES user_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE SEQUENCE audit_entry_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE audit_entry (
    id BIGINT NOT NULL PRIMARY KEY,
    occurred_at DATETIME(6) NOT NULL,
    actor VARCHAR(254) NOT NULL,
    action VARCHAR(64) NOT NULL,
    target VARCHAR(254) NULL,
    detail VARCHAR(1000) NULL,
    KEY ix_audit_entry_time (occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

--changeset ibportal:security-2
--comment: single-use set-password links; only the SHA-256 of the token is kept
CREATE SEQUENCE password_link_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE password_link (
    id BIGINT NOT NULL PRIMARY KEY,
    user_account_id BIGINT NOT NULL,
    token_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at DATETIME(6) NULL,
    CONSTRAINT uq_password_link_hash UNIQUE (token_hash),
    CONSTRAINT fk_password_link_user FOREIGN KEY (user_account_id) REFERENCES user_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
