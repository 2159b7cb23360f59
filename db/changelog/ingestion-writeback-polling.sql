--liquibase formatted sql

--changeset ibportal:ingestion-writeback-1
--comment: attributions sent back to the CRM: written in the attribution's transaction, delivered by a background sender; message_id is the webhook-id, stable across retries
CREATE TABLE writeback_outbox (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    connector_id BIGINT NOT NULL,
    message_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    client_id VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    payload MEDIUMTEXT NOT NULL,
    status VARCHAR(10) NOT NULL,
    attempts INT NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6) NOT NULL,
    last_error VARCHAR(1000) NULL,
    created_at DATETIME(6) NOT NULL,
    delivered_at DATETIME(6) NULL,
    CONSTRAINT uq_writeback_message UNIQUE (message_id),
    KEY ix_writeback_due (status, next_attempt_at),
    KEY ix_writeback_connector (connector_id, status, created_at),
    CONSTRAINT fk_writeback_connector FOREIGN KEY (connector_id) REFERENCES connector (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

--changeset ibportal:ingestion-polling-1
--comment: where each polling connector stands; the row is also the lock that lets one instance at a time poll a connector
CREATE TABLE connector_cursor (
    connector_id BIGINT NOT NULL PRIMARY KEY,
    cursor_value VARCHAR(1000) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    next_poll_at DATETIME(6) NOT NULL,
    last_polled_at DATETIME(6) NULL,
    last_success_at DATETIME(6) NULL,
    caught_up_at DATETIME(6) NULL,
    newest_occurred_at DATETIME(6) NULL,
    last_error VARCHAR(1000) NULL,
    consecutive_failures INT NOT NULL DEFAULT 0,
    CONSTRAINT fk_connector_cursor_connector FOREIGN KEY (connector_id) REFERENCES connector (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
