package com.ibportal.ingestion;

import com.ibportal.shared.Paged;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Write-backs of a connector, and polling on demand. */
@RestController
@RequestMapping("/api/v1/connectors/{id}")
class WriteBackApi {

    private final WriteBackService writeBacks;
    private final PollingService polling;

    WriteBackApi(WriteBackService writeBacks, PollingService polling) {
        this.writeBacks = writeBacks;
        this.polling = polling;
    }

    @GetMapping("/writebacks")
    Paged<WriteBackView> writeBacks(@PathVariable long id, @RequestParam(required = false) String status,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size) {
        return writeBacks.list(id, status, page, size);
    }

    @PostMapping("/writebacks/{writeBackId}/retry")
    WriteBackView retry(@PathVariable long id, @PathVariable long writeBackId) {
        return writeBacks.retry(id, writeBackId);
    }

    @PostMapping("/poll")
    PollReport poll(@PathVariable long id) {
        return polling.pollNow(id);
    }
}
