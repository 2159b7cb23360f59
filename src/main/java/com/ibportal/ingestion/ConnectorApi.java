package com.ibportal.ingestion;

import com.ibportal.shared.Paged;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/connectors")
class ConnectorApi {

    private final ConnectorService connectors;
    private final InboxService inbox;

    ConnectorApi(ConnectorService connectors, InboxService inbox) {
        this.connectors = connectors;
        this.inbox = inbox;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedConnector create(@RequestBody NewConnector request) {
        return connectors.create(request);
    }

    @GetMapping
    List<ConnectorView> list() {
        return connectors.list();
    }

    /** Per connector: last event, events in the last hour, waiting, parked and failed counts. */
    @GetMapping("/health")
    List<ConnectorHealth> health() {
        return inbox.health();
    }

    @GetMapping("/{id}")
    ConnectorView get(@PathVariable long id) {
        return connectors.get(id);
    }

    @PatchMapping("/{id}")
    ConnectorView change(@PathVariable long id, @RequestBody ConnectorChange change) {
        return connectors.change(id, change);
    }

    @PostMapping("/{id}/rotate-secret")
    RotatedSecret rotateSecret(@PathVariable long id) {
        return connectors.rotateSecret(id);
    }

    @DeleteMapping("/{id}/previous-secret")
    ConnectorView dropPreviousSecret(@PathVariable long id) {
        return connectors.dropPreviousSecret(id);
    }

    @GetMapping("/{id}/events")
    Paged<InboxEventView> events(@PathVariable long id, @RequestParam(required = false) String status,
                                 @RequestParam(required = false) String type,
                                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return inbox.events(id, status, type, page, size);
    }

    @GetMapping("/{id}/events/{eventId}")
    InboxEventView event(@PathVariable long id, @PathVariable String eventId) {
        return inbox.event(id, eventId);
    }

    @GetMapping("/{id}/events/{eventId}/raw")
    RawDelivery raw(@PathVariable long id, @PathVariable String eventId) {
        return inbox.rawDelivery(id, eventId);
    }

    @PostMapping("/{id}/events/{eventId}/replay")
    InboxEventView replay(@PathVariable long id, @PathVariable String eventId) {
        return inbox.replay(id, eventId);
    }
}
