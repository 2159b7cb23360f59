--liquibase formatted sql

--changeset ibportal:program-default-plan-1
--comment: the plan a partner created without one gets; checked against plan codes by the service (program does not reference the commissions tables)
ALTER TABLE program_settings ADD COLUMN default_plan_code VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;
