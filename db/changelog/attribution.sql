--liquibase formatted sql

--changeset ibportal:attribution-1
--comment: the database itself guarantees "at most one open attribution per client" and "at most one open path per (ancestor, descendant)": a unique key on a column that is NULL for closed rows
ALTER TABLE client_attribution
    ADD COLUMN open_client_id BIGINT AS (IF(valid_to IS NULL, client_id, NULL)) PERSISTENT,
    ADD CONSTRAINT uq_client_attribution_open UNIQUE (open_client_id);
ALTER TABLE partner_path
    ADD COLUMN open_descendant_id BIGINT AS (IF(valid_to IS NULL, descendant_id, NULL)) PERSISTENT,
    ADD CONSTRAINT uq_partner_path_open UNIQUE (open_descendant_id, ancestor_id);
