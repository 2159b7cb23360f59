--liquibase formatted sql

--changeset ibportal:ledger-1
--comment: the commission ledger (append-only lines, exclusions) and the trade and transfer facts the engine computes from
CREATE TABLE ledger_line (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    partner_code VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    level INT NOT NULL,
    rule VARCHAR(20) NOT NULL,
    amount DECIMAL(19,4) NOT NULL,
    currency CHAR(3) NOT NULL,
    status VARCHAR(10) NOT NULL,
    event_id VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    client_id VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    occurred_at DATETIME(6) NOT NULL,
    posted_at DATETIME(6) NOT NULL,
    plan_code VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    plan_version INT NOT NULL,
    source_partner_code VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    explanation TEXT NOT NULL,
    reversal_of BIGINT NULL,
    CONSTRAINT uq_ledger_line_reversal_of UNIQUE (reversal_of),
    CONSTRAINT fk_ledger_line_reversal_of FOREIGN KEY (reversal_of) REFERENCES ledger_line (id),
    KEY ix_ledger_line_partner (partner_code, occurred_at),
    KEY ix_ledger_line_client (client_id, occurred_at),
    KEY ix_ledger_line_event (event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE ledger_exclusion (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    partner_code VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    level INT NOT NULL,
    rule VARCHAR(20) NULL,
    event_id VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    client_id VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    occurred_at DATETIME(6) NOT NULL,
    reason TEXT NOT NULL,
    recorded_at DATETIME(6) NOT NULL,
    KEY ix_ledger_exclusion_partner (partner_code, occurred_at),
    KEY ix_ledger_exclusion_event (event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE commission_trade (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    client_id VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    deal_id VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    platform VARCHAR(16) NOT NULL,
    account_login VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    symbol VARCHAR(200) NOT NULL,
    lots DECIMAL(30,10) NOT NULL,
    opened_at DATETIME(6) NOT NULL,
    closed_at DATETIME(6) NOT NULL,
    spread_revenue DECIMAL(30,10) NULL,
    profit DECIMAL(30,10) NULL,
    swap DECIMAL(30,10) NULL,
    commission DECIMAL(30,10) NULL,
    currency CHAR(3) NOT NULL,
    direct_partner_code VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    computed BOOLEAN NOT NULL DEFAULT FALSE,
    recorded_at DATETIME(6) NOT NULL,
    CONSTRAINT uq_commission_trade_deal UNIQUE (client_id, deal_id),
    KEY ix_commission_trade_partner (direct_partner_code, closed_at),
    KEY ix_commission_trade_client (client_id, closed_at),
    KEY ix_commission_trade_closed (closed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE commission_transfer (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    client_id VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    transaction_id VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    direction VARCHAR(10) NOT NULL,
    occurred_at DATETIME(6) NOT NULL,
    amount DECIMAL(30,10) NOT NULL,
    currency CHAR(3) NOT NULL,
    charged_back_at DATETIME(6) NULL,
    recorded_at DATETIME(6) NOT NULL,
    CONSTRAINT uq_commission_transfer UNIQUE (client_id, transaction_id),
    KEY ix_commission_transfer_client (client_id, direction, occurred_at),
    KEY ix_commission_transfer_occurred (occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

--changeset ibportal:ledger-2 splitStatements:false
--comment: the database refuses to edit a line's amount or facts, to move a status backwards, or to delete a line: corrections are new lines
CREATE TRIGGER ledger_line_is_append_only BEFORE UPDATE ON ledger_line FOR EACH ROW
BEGIN
    IF NOT (NEW.partner_code <=> OLD.partner_code AND NEW.level <=> OLD.level AND NEW.rule <=> OLD.rule
            AND NEW.amount <=> OLD.amount AND NEW.currency <=> OLD.currency AND NEW.event_id <=> OLD.event_id
            AND NEW.client_id <=> OLD.client_id AND NEW.occurred_at <=> OLD.occurred_at
            AND NEW.posted_at <=> OLD.posted_at AND NEW.plan_code <=> OLD.plan_code
            AND NEW.plan_version <=> OLD.plan_version AND NEW.source_partner_code <=> OLD.source_partner_code
            AND NEW.explanation <=> OLD.explanation AND NEW.reversal_of <=> OLD.reversal_of) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger lines are append-only: post a reversal instead of editing';
    END IF;
    IF NOT ((OLD.status = NEW.status) OR (OLD.status = 'PENDING' AND NEW.status = 'PAYABLE')
            OR (OLD.status = 'PAYABLE' AND NEW.status = 'PAID')) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a ledger line status only moves forward: PENDING, PAYABLE, PAID';
    END IF;
END

--changeset ibportal:ledger-3 splitStatements:false
CREATE TRIGGER ledger_line_is_never_deleted BEFORE DELETE ON ledger_line FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger lines are never deleted: post a reversal';
END

--changeset ibportal:ledger-4
--comment: one row per partner, month and month-end rule once computed: makes the month-end run idempotent and carries revenue-share losses forward
CREATE TABLE commission_month_end (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    partner_code VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    month CHAR(7) NOT NULL,
    rule VARCHAR(20) NOT NULL,
    amount DECIMAL(19,4) NOT NULL,
    loss_carried_out DECIMAL(19,4) NOT NULL,
    computed_at DATETIME(6) NOT NULL,
    computed_by VARCHAR(254) NOT NULL,
    CONSTRAINT uq_commission_month_end UNIQUE (partner_code, month, rule)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
