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
