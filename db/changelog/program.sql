--liquibase formatted sql

--changeset ibportal:program-1
--comment: the broker's IB program; one row
CREATE TABLE program_settings (
    id INT NOT NULL PRIMARY KEY,
    broker_name VARCHAR(200) NOT NULL,
    registration_url VARCHAR(1000) NOT NULL,
    payout_currency CHAR(3) NOT NULL,
    minimum_payout DECIMAL(19,4) NOT NULL,
    mask_client_pii BOOLEAN NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT ck_program_settings_single CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO program_settings (id, broker_name, registration_url, payout_currency, minimum_payout, mask_client_pii, updated_at)
VALUES (1, 'Your Broker', 'https://broker.example/register', 'USD', 50.0000, TRUE, UTC_TIMESTAMP(6));
