package com.ibportal.ingestion;

/**
 * The answer to creating a connector, the only time its secret is shown: {@code whsec_…} for a webhook, a token for
 * a postback, null for kinds that receive nothing.
 */
public record CreatedConnector(long id, String name, ConnectorKind kind, String format, boolean enabled, String secret) {

    @Override
    public String toString() {
        return "CreatedConnector[id=" + id + ", name=" + name + ", kind=" + kind + ", format=" + format + "]";
    }
}
