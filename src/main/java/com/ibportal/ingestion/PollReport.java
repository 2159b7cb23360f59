package com.ibportal.ingestion;

/**
 * What one poll of a connector did.
 *
 * @param pages  pages fetched and stored
 * @param stored new events stored into the inbox (duplicates not counted)
 * @param locked another instance was polling this connector, so this one did nothing
 * @param error  why the poll stopped early (HTTP status, mapping problem), never a credential; null when it did not
 */
public record PollReport(long connectorId, int pages, int stored, boolean locked, String error) {
}
