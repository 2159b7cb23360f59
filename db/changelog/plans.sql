--liquibase formatted sql

--changeset ibportal:plans-1
--comment: commission plans; a plan's rules live in its immutable versions
CREATE SEQUENCE plan_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE plan (
    id BIGINT NOT NULL PRIMARY KEY,
    code VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    name VARCHAR(200) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(254) NOT NULL,
    CONSTRAINT uq_plan_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

--comment: one row per version, never updated: lines keep the version they were computed with; document is the plan JSON of the API contract
CREATE SEQUENCE plan_version_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE plan_version (
    id BIGINT NOT NULL PRIMARY KEY,
    plan_id BIGINT NOT NULL,
    version_number INT NOT NULL,
    document LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    effective_from DATETIME(6) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(254) NOT NULL,
    CONSTRAINT uq_plan_version UNIQUE (plan_id, version_number),
    CONSTRAINT fk_plan_version_plan FOREIGN KEY (plan_id) REFERENCES plan (id),
    CONSTRAINT ck_plan_version_document CHECK (JSON_VALID(document))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

--comment: which plan a partner has, effective-dated; rows are only added: at an instant t the latest-made row with effective_from <= t holds
CREATE SEQUENCE partner_plan_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE partner_plan (
    id BIGINT NOT NULL PRIMARY KEY,
    partner_id BIGINT NOT NULL,
    plan_id BIGINT NOT NULL,
    effective_from DATETIME(6) NOT NULL,
    assigned_at DATETIME(6) NOT NULL,
    assigned_by VARCHAR(254) NOT NULL,
    KEY ix_partner_plan_partner (partner_id, id),
    KEY ix_partner_plan_plan (plan_id, partner_id),
    CONSTRAINT fk_partner_plan_partner FOREIGN KEY (partner_id) REFERENCES partner (id),
    CONSTRAINT fk_partner_plan_plan FOREIGN KEY (plan_id) REFERENCES plan (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

--comment: how many quote one base buys on a UTC date; immutable once stored, because lines were computed with it
CREATE SEQUENCE fx_rate_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE fx_rate (
    id BIGINT NOT NULL PRIMARY KEY,
    rate_date DATE NOT NULL,
    base CHAR(3) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    quote CHAR(3) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    rate DECIMAL(30,12) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(254) NOT NULL,
    CONSTRAINT uq_fx_rate UNIQUE (rate_date, base, quote),
    CONSTRAINT ck_fx_rate_positive CHECK (rate > 0),
    CONSTRAINT ck_fx_rate_pair CHECK (base <> quote)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
