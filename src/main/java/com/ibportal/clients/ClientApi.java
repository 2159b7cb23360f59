package com.ibportal.clients;

import com.ibportal.shared.Paged;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/clients")
class ClientApi {

    private final ClientService clients;

    ClientApi(ClientService clients) {
        this.clients = clients;
    }

    @GetMapping("/unmatched")
    Paged<UnmatchedClient> unmatched(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return clients.unmatched(page, size);
    }

    @GetMapping("/{externalId}")
    ClientDetails get(@PathVariable String externalId) {
        return clients.get(externalId);
    }

    @PostMapping("/{externalId}/reassign")
    ClientDetails reassign(@PathVariable String externalId, @Valid @RequestBody ReassignRequest request) {
        return clients.reassign(externalId, request.partnerCode(), request.effectiveFrom());
    }

    @PostMapping("/{externalId}/assign")
    ClientDetails assign(@PathVariable String externalId, @Valid @RequestBody AssignRequest request) {
        return clients.assign(externalId, request.partnerCode());
    }

    record ReassignRequest(@NotBlank @Size(max = 64) String partnerCode, @NotNull Instant effectiveFrom) {
    }

    record AssignRequest(@NotBlank @Size(max = 64) String partnerCode) {
    }
}
