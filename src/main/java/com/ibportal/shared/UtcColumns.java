package com.ibportal.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * DATETIME columns hold UTC wall-clock time (Hibernate writes them with {@code jdbc.time_zone=UTC});
 * plain JDBC goes through these so it agrees whatever the JVM's time zone.
 */
public final class UtcColumns {

    private UtcColumns() {
    }

    public static LocalDateTime param(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant read(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
