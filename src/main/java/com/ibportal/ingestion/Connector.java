package com.ibportal.ingestion;

import java.time.Instant;

/** A connector row as stored: secrets sealed (webhook) or hashed (postback). Never leaves the module. */
record Connector(long id, String name, ConnectorKind kind, String format, boolean enabled, String settingsJson,
                 String secretCurrent, String secretPrevious, Instant secretRotatedAt, Instant createdAt,
                 String createdBy, Instant updatedAt) {

    @Override
    public String toString() {
        return "Connector[id=" + id + ", name=" + name + ", kind=" + kind + ", format=" + format + ", enabled=" + enabled + "]";
    }
}
