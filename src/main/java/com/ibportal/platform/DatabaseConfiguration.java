package com.ibportal.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code portal.database.embedded=true} (the default) the DataSource points at the embedded
 * MariaDB; otherwise Spring Boot builds it from {@code spring.datasource.*} as usual.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "portal.database.embedded", havingValue = "true", matchIfMissing = true)
class DatabaseConfiguration {

    @Bean
    DataSource dataSource(@Value("${portal.database.embedded-dir:./data/mariadb}") Path dataDir,
                          @Value("${portal.database.embedded-schema:ibportal}") String schema,
                          @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize) {
        EmbeddedMariaDb db = EmbeddedMariaDb.startOnce(dataDir);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(db.jdbcUrl(schema));
        dataSource.setUsername("root");
        dataSource.setPassword("");
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("embedded-mariadb");
        return dataSource;
    }
}
