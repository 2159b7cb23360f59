package com.ibportal.ingestion;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A connector as admins see it: never its secret.
 *
 * @param previousSecretActive a secret replaced by a rotation still verifies until it is dropped or rotated again
 */
public record ConnectorView(long id, String name, ConnectorKind kind, String format, boolean enabled, JsonNode settings,
                            boolean previousSecretActive, Instant secretRotatedAt, Instant createdAt, String createdBy) {
}
