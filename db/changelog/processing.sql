--liquibase formatted sql

--changeset ibportal:processing-1
--comment: which connector a client's registration came from, so its attribution is written back to that CRM (first registration wins)
CREATE TABLE client_source (
    client_id VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
    connector_id BIGINT NOT NULL,
    registered_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
