package com.ibportal.processing;

import com.ibportal.shared.UtcColumns;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which connector a client's registration came from (the first one wins), so its attribution goes back there. */
@Repository
class ClientSources {

    private final JdbcTemplate jdbc;

    ClientSources(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void remember(String clientId, long connectorId, Instant registeredAt) {
        jdbc.update("INSERT IGNORE INTO client_source (client_id, connector_id, registered_at) VALUES (?, ?, ?)",
                clientId, connectorId, UtcColumns.param(registeredAt));
    }

    Optional<Long> connectorOf(String clientId) {
        return jdbc.queryForList("SELECT connector_id FROM client_source WHERE client_id = ?", Long.class, clientId)
                .stream().findFirst();
    }
}
