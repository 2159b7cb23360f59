--liquibase formatted sql

--changeset ibportal:platform-1
--comment: Spring Modulith's event publication registry (the transactional outbox between modules)
CREATE TABLE event_publication (
    id UUID NOT NULL PRIMARY KEY,
    listener_id VARCHAR(512) NOT NULL,
    event_type VARCHAR(512) NOT NULL,
    serialized_event MEDIUMTEXT NOT NULL,
    publication_date DATETIME(6) NOT NULL,
    completion_date DATETIME(6) NULL,
    last_resubmission_date DATETIME(6) NULL,
    completion_attempts INT NOT NULL DEFAULT 0,
    status VARCHAR(32) NULL,
    KEY ix_event_publication_incomplete (completion_date, publication_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE event_publication_archive (
    id UUID NOT NULL PRIMARY KEY,
    listener_id VARCHAR(512) NOT NULL,
    event_type VARCHAR(512) NOT NULL,
    serialized_event MEDIUMTEXT NOT NULL,
    publication_date DATETIME(6) NOT NULL,
    completion_date DATETIME(6) NULL,
    last_resubmission_date DATETIME(6) NULL,
    completion_attempts INT NOT NULL DEFAULT 0,
    status VARCHAR(32) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
