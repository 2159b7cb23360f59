--liquibase formatted sql

--changeset ibportal:client-pii-1
--comment: client.email holds the AES-256-GCM ciphertext ("v1:" + base64 of IV, ciphertext and tag), longer than the 254-character address; plain rows are encrypted by the application at start-up (ClientEmailEncryption), SQL has no access to the key
ALTER TABLE client MODIFY email VARCHAR(512) NULL;
