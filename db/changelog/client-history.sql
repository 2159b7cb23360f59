--liquibase formatted sql

--changeset ibportal:client-history-1
--comment: KYC changes are kept with the instant the CRM reports, so a late event never overrides a newer status; trading accounts are learnt from the events that name them
CREATE TABLE client_kyc_change (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    client_id BIGINT NOT NULL,
    status VARCHAR(16) NOT NULL,
    occurred_at DATETIME(6) NOT NULL,
    event_id VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    recorded_at DATETIME(6) NOT NULL,
    recorded_by VARCHAR(254) NOT NULL,
    KEY ix_client_kyc_change_client (client_id, occurred_at),
    CONSTRAINT fk_client_kyc_change_client FOREIGN KEY (client_id) REFERENCES client (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE trading_account (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    client_id BIGINT NOT NULL,
    platform VARCHAR(16) NOT NULL,
    login VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    first_seen_at DATETIME(6) NOT NULL,
    CONSTRAINT uq_trading_account UNIQUE (platform, login),
    KEY ix_trading_account_client (client_id),
    CONSTRAINT fk_trading_account_client FOREIGN KEY (client_id) REFERENCES client (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

--changeset ibportal:client-history-2
--comment: CRMs and MT5 send country names ("Germany"), not only ISO codes; a registration must not fail on them
ALTER TABLE client MODIFY country VARCHAR(200) NULL;
