/**
 * Connectors that bring in the broker's events (webhooks, postbacks, polling, CSV), the inbox
 * that makes each count exactly once, and the write-back to the CRM.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ingestion")
package com.ibportal.ingestion;
