package com.ibportal.demo;

import com.ibportal.ingestion.ConnectorService;
import com.ibportal.ingestion.ConnectorView;
import com.ibportal.ingestion.CreatedConnector;
import com.ibportal.ingestion.NewConnector;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.ingestion.webhook.WebhookSecret;
import com.ibportal.ingestion.webhook.WebhookSigner;
import com.ibportal.partners.PartnerService;
import com.ibportal.partners.PartnerSummary;
import com.ibportal.security.SystemActor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo broker, live: posts its traffic to the portal's own webhook endpoint, signed, through two
 * connectors ("Demo MT5" in the mt5 format, "Demo CRM" in the canonical format), exactly as a real
 * broker's systems would. On start it sends a month of history, then keeps going at a steady rate,
 * so a newcomer's dashboards and ledger are alive out of the box. It is the load generator too.
 */
@Component
@ConditionalOnProperty(name = "portal.demo.simulator.enabled", havingValue = "true")
class DemoBrokerSimulator {

    static final String MT5_CONNECTOR = "Demo MT5";
    static final String CRM_CONNECTOR = "Demo CRM";
    private static final Logger log = LoggerFactory.getLogger(DemoBrokerSimulator.class);

    private final ConnectorService connectors;
    private final PartnerService partners;
    private final Environment environment;
    private final Clock clock;
    private final double eventsPerSecond;
    private final int historyDays;
    private final int historySteps;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "demo-broker");
        thread.setDaemon(true);
        return thread;
    });

    private volatile Target mt5;
    private volatile Target crm;
    private DemoBroker broker;
    private int failuresInARow;

    private record Target(long connectorId, WebhookSigner signer) {
    }

    DemoBrokerSimulator(ConnectorService connectors, PartnerService partners, Environment environment, Clock clock,
                        @Value("${portal.demo.simulator.events-per-second:1}") double eventsPerSecond,
                        @Value("${portal.demo.simulator.history-days:30}") int historyDays,
                        @Value("${portal.demo.simulator.history-steps:1500}") int historySteps) {
        this.connectors = connectors;
        this.partners = partners;
        this.environment = environment;
        this.clock = clock;
        this.eventsPerSecond = eventsPerSecond;
        this.historyDays = historyDays;
        this.historySteps = historySteps;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        boolean firstRun = SystemActor.call(() -> {
            List<ConnectorView> existing = connectors.list();
            boolean created = existing.stream().noneMatch(c -> c.name().equals(MT5_CONNECTOR));
            mt5 = target(existing, MT5_CONNECTOR, "mt5",
                    "{\"serverId\":\"demo-mt5\",\"serverZone\":\"UTC\",\"accountCurrency\":\"USD\"}");
            crm = target(existing, CRM_CONNECTOR, "canonical", "{}");
            List<String> codes = partners.all().stream().map(PartnerSummary::code).toList();
            // Logins and deal tickets from the clock, so a restart on the same database never reuses them.
            broker = new DemoBroker(clock.millis(), clock.instant().getEpochSecond() % 100_000_000L * 1_000L, codes);
            return created;
        });
        scheduler.execute(() -> {
            if (firstRun && historySteps > 0) {
                sendHistory();
            }
            long periodMillis = Math.max(10, Math.round(1000 / Math.max(eventsPerSecond, 0.01)));
            scheduler.scheduleWithFixedDelay(this::tick, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        });
        log.info("Demo broker simulator on: {} events/s to connectors '{}' and '{}'{}", eventsPerSecond, MT5_CONNECTOR,
                CRM_CONNECTOR, firstRun ? ", after " + historyDays + " days of history" : "");
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        scheduler.shutdownNow();
    }

    private Target target(List<ConnectorView> existing, String name, String format, String settings) {
        // A secret is shown only once, so on a restart the simulator rotates its own connector's secret.
        String secret = existing.stream().filter(c -> c.name().equals(name)).findFirst()
                .map(c -> connectors.rotateSecret(c.id()).secret())
                .orElseGet(() -> connectors.create(new NewConnector(name, "WEBHOOK", format, true,
                        JsonValues.mapper().readTree(settings))).secret());
        long id = connectors.list().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().id();
        return new Target(id, new WebhookSigner(WebhookSecret.parse(secret)));
    }

    private void sendHistory() {
        long started = System.nanoTime();
        List<DemoBroker.Delivery> history = broker.history(clock.instant(), historyDays, historySteps);
        history.forEach(this::send);
        log.info("Demo broker sent {} deliveries of history in {} ms", history.size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private void tick() {
        try {
            broker.next(clock.instant()).forEach(this::send);
        } catch (RuntimeException e) {
            log.warn("Demo broker step failed: {}", e.getMessage());
        }
    }

    private void send(DemoBroker.Delivery delivery) {
        Target target = delivery.toMt5() ? mt5 : crm;
        String port = environment.getProperty("local.server.port", "8080");
        String messageId = "msg_" + UUID.randomUUID();
        long timestamp = clock.instant().getEpochSecond();
        byte[] body = delivery.json().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ingest/" + target.connectorId()))
                .timeout(Duration.ofSeconds(10))
                .header("content-type", "application/json")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", target.signer().sign(messageId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                log.warn("Demo broker delivery refused with {}: {}", response.statusCode(), response.body());
            }
            failuresInARow = 0;
        } catch (java.io.IOException e) {
            if (++failuresInARow % 50 == 1) {
                log.warn("Demo broker cannot reach the portal: {}", e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
