/**
 * Standard Webhooks signing and verification ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature: v1,<base64 HMAC-SHA256>}) with {@code whsec_} secrets and rotation.
 */
@org.springframework.modulith.NamedInterface("webhook")
package com.ibportal.ingestion.webhook;
