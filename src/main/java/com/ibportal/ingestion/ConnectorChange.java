package com.ibportal.ingestion;

import tools.jackson.databind.JsonNode;

/** A partial change (PATCH): a null field stays as it is; {@code settings} replaces the settings as a whole. */
public record ConnectorChange(String name, Boolean enabled, JsonNode settings) {
}
