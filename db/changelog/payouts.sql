--liquibase formatted sql

--changeset ibportal:payouts-1
--comment: payout periods, statements per partner and period, and the period each ledger line was assigned to when its period closed
CREATE TABLE payout_period (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind VARCHAR(10) NOT NULL,
    period_start DATETIME(6) NOT NULL,
    period_end DATETIME(6) NOT NULL,
    status VARCHAR(10) NOT NULL,
    closed_at DATETIME(6) NULL,
    closed_by VARCHAR(254) NULL,
    CONSTRAINT uq_payout_period UNIQUE (kind, period_start),
    KEY ix_payout_period_status (kind, status, period_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE payout_statement (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    period_id BIGINT NOT NULL,
    partner_code VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    currency CHAR(3) NOT NULL,
    status VARCHAR(10) NOT NULL,
    opening_balance DECIMAL(19,4) NOT NULL,
    lines_total DECIMAL(19,4) NOT NULL,
    total DECIMAL(19,4) NOT NULL,
    line_count INT NOT NULL,
    carried_from_id BIGINT NULL,
    created_at DATETIME(6) NOT NULL,
    approved_at DATETIME(6) NULL,
    approved_by VARCHAR(254) NULL,
    paid_at DATETIME(6) NULL,
    paid_by VARCHAR(254) NULL,
    payment_reference VARCHAR(200) NULL,
    paid_on DATE NULL,
    CONSTRAINT uq_payout_statement UNIQUE (period_id, partner_code, currency),
    CONSTRAINT uq_payout_statement_carried_from UNIQUE (carried_from_id),
    CONSTRAINT fk_payout_statement_period FOREIGN KEY (period_id) REFERENCES payout_period (id),
    CONSTRAINT fk_payout_statement_carried_from FOREIGN KEY (carried_from_id) REFERENCES payout_statement (id),
    KEY ix_payout_statement_partner (partner_code, period_id),
    KEY ix_payout_statement_status (status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ledger_line is append-only (only its status moves), so the assignment of a line to a period lives here.
CREATE TABLE statement_line (
    line_id BIGINT NOT NULL PRIMARY KEY,
    period_id BIGINT NOT NULL,
    statement_id BIGINT NULL,
    CONSTRAINT fk_statement_line_line FOREIGN KEY (line_id) REFERENCES ledger_line (id),
    CONSTRAINT fk_statement_line_period FOREIGN KEY (period_id) REFERENCES payout_period (id),
    CONSTRAINT fk_statement_line_statement FOREIGN KEY (statement_id) REFERENCES payout_statement (id),
    KEY ix_statement_line_period (period_id),
    KEY ix_statement_line_statement (statement_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row, locked FOR UPDATE by a close: closes wait for each other, and the lock ends with the transaction.
CREATE TABLE payout_close_lock (
    id INT NOT NULL PRIMARY KEY
) ENGINE=InnoDB;
INSERT INTO payout_close_lock (id) VALUES (1);

-- A close looks for payable lines not yet in a period, and for the months that hold lines.
CREATE INDEX ix_ledger_line_status_occurred ON ledger_line (status, occurred_at);
CREATE INDEX ix_ledger_line_occurred ON ledger_line (occurred_at);
