package com.ibportal.ingestion;

import com.ibportal.shared.UtcColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The connector table, in plain JDBC like the rest of the ingestion hot path. */
@Repository
class Connectors {

    private static final String COLUMNS = "id, name, kind, format, enabled, settings, secret_current, secret_previous, "
            + "secret_rotated_at, created_at, created_by, updated_at";

    private final JdbcClient jdbc;

    Connectors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextId() {
        return jdbc.sql("SELECT NEXTVAL(connector_seq)").query(Long.class).single();
    }

    void insert(Connector c) {
        jdbc.sql("INSERT INTO connector (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.name(), c.kind().name(), c.format(), c.enabled(), c.settingsJson(), c.secretCurrent(),
                        c.secretPrevious(), UtcColumns.param(c.secretRotatedAt()), UtcColumns.param(c.createdAt()),
                        c.createdBy(), UtcColumns.param(c.updatedAt()))
                .update();
    }

    void update(Connector c) {
        jdbc.sql("""
                UPDATE connector SET name = ?, enabled = ?, settings = ?, secret_current = ?, secret_previous = ?,
                       secret_rotated_at = ?, updated_at = ?
                WHERE id = ?""")
                .params(c.name(), c.enabled(), c.settingsJson(), c.secretCurrent(), c.secretPrevious(),
                        UtcColumns.param(c.secretRotatedAt()), UtcColumns.param(c.updatedAt()), c.id())
                .update();
    }

    Optional<Connector> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM connector WHERE id = ?").param(id).query(Connectors::row).optional();
    }

    /** For a change: the row stays locked until the transaction ends, so two rotations cannot interleave. */
    Optional<Connector> findForUpdate(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM connector WHERE id = ? FOR UPDATE").param(id).query(Connectors::row).optional();
    }

    boolean nameTaken(String name, Long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM connector WHERE name = ? AND id <> ?")
                .params(name, exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    List<Connector> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM connector ORDER BY name, id").query(Connectors::row).list();
    }

    private static Connector row(ResultSet rs, int row) throws SQLException {
        return new Connector(rs.getLong("id"), rs.getString("name"), ConnectorKind.valueOf(rs.getString("kind")),
                rs.getString("format"), rs.getBoolean("enabled"), rs.getString("settings"), rs.getString("secret_current"),
                rs.getString("secret_previous"), UtcColumns.read(rs, "secret_rotated_at"), UtcColumns.read(rs, "created_at"),
                rs.getString("created_by"), UtcColumns.read(rs, "updated_at"));
    }
}
