--liquibase formatted sql

--changeset ibportal:referrals-1
--comment: one row per click on a referral link; partner_id NULL is an organic click (unknown code); the IP is kept only as a SHA-256 fingerprint
CREATE SEQUENCE referral_click_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE referral_click (
    id BIGINT NOT NULL PRIMARY KEY,
    partner_id BIGINT NULL,
    campaign VARCHAR(100) NULL,
    clicked_at DATETIME(6) NOT NULL,
    ip_hash CHAR(64) NULL,
    user_agent VARCHAR(255) NULL,
    KEY ix_referral_click_partner (partner_id, clicked_at),
    CONSTRAINT fk_referral_click_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
