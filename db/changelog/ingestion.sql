--liquibase formatted sql

--changeset ibportal:ingestion-1
--comment: connectors bring in the broker's events; webhook secrets are encrypted (HMAC needs them back), postback tokens are SHA-256 hashes
CREATE SEQUENCE connector_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE connector (
    id BIGINT NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    format VARCHAR(16) NOT NULL,
    enabled BOOLEAN NOT NULL,
    settings MEDIUMTEXT NOT NULL,
    secret_current VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NULL,
    secret_previous VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NULL,
    secret_rotated_at DATETIME(6) NULL,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(254) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    CONSTRAINT uq_connector_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

--comment: every delivery that brought at least one new event, stored as received (body bytes and the headers that matter)
CREATE TABLE inbox_delivery (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    connector_id BIGINT NOT NULL,
    webhook_id VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    webhook_timestamp BIGINT NULL,
    content_type VARCHAR(200) NULL,
    remote_address VARCHAR(64) NULL,
    body LONGBLOB NOT NULL,
    received_at DATETIME(6) NOT NULL,
    KEY ix_inbox_delivery_connector (connector_id, received_at),
    CONSTRAINT fk_inbox_delivery_connector FOREIGN KEY (connector_id) REFERENCES connector (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

--comment: one row per canonical event, unique per connector and event id (the idempotency key); workers claim RECEIVED rows that are due
CREATE TABLE inbox_event (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    connector_id BIGINT NOT NULL,
    event_id VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    type VARCHAR(40) NOT NULL,
    client_id VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    occurred_at DATETIME(6) NOT NULL,
    payload MEDIUMTEXT NOT NULL,
    status VARCHAR(10) NOT NULL,
    reason VARCHAR(1000) NULL,
    wait_key VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    attempts INT NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6) NOT NULL,
    received_at DATETIME(6) NOT NULL,
    processed_at DATETIME(6) NULL,
    delivery_id BIGINT NOT NULL,
    CONSTRAINT uq_inbox_event UNIQUE (connector_id, event_id),
    KEY ix_inbox_event_due (status, next_attempt_at),
    KEY ix_inbox_event_wait (wait_key, status),
    KEY ix_inbox_event_connector (connector_id, status, received_at),
    CONSTRAINT fk_inbox_event_connector FOREIGN KEY (connector_id) REFERENCES connector (id),
    CONSTRAINT fk_inbox_event_delivery FOREIGN KEY (delivery_id) REFERENCES inbox_delivery (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
