package com.ibportal.ingestion;

import com.ibportal.ingestion.webhook.WebhookVerifier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/ingest/{connectorId}}: Standard Webhooks deliveries. The body is read here, by hand, so that it
 * is the exact bytes the signature covers and so that an oversized body is refused while reading, never buffered.
 */
@RestController
class IngestApi {

    private final WebhookIntake intake;

    IngestApi(WebhookIntake intake) {
        this.intake = intake;
    }

    @Operation(summary = "Deliver events (Standard Webhooks)", description = "One canonical or vendor event, or an "
            + "array; a batch is all-or-nothing. 202 when anything new was stored, 200 when every event was a duplicate.",
            security = {})
    @Parameter(in = ParameterIn.HEADER, name = WebhookVerifier.ID_HEADER, required = true, description = "Message id")
    @Parameter(in = ParameterIn.HEADER, name = WebhookVerifier.TIMESTAMP_HEADER, required = true, description = "Unix seconds")
    @Parameter(in = ParameterIn.HEADER, name = WebhookVerifier.SIGNATURE_HEADER, required = true,
            description = "v1,<base64 HMAC-SHA256 of id.timestamp.body>")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object",
                    description = "One event or an array of events in the connector's format")))
    @PostMapping("/api/v1/ingest/{connectorId}")
    ResponseEntity<Map<String, Object>> ingest(@PathVariable long connectorId, HttpServletRequest request) throws IOException {
        WebhookIntake.Receiving receiving = intake.admit(connectorId, request.getRemoteAddr());
        byte[] body = readBounded(request, receiving.settings().maxBodyBytes());
        IngestResult result = intake.accept(receiving, new WebhookIntake.Delivery(
                request.getHeader(WebhookVerifier.ID_HEADER), request.getHeader(WebhookVerifier.TIMESTAMP_HEADER),
                request.getHeader(WebhookVerifier.SIGNATURE_HEADER), request.getContentType(), request.getRemoteAddr(), body));
        return ResponseEntity.status(result.anythingAccepted() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(Map.of("results", result.results()));
    }

    @ExceptionHandler(IngestRefusal.class)
    ResponseEntity<ProblemDetail> refused(IngestRefusal refusal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(refusal.status(), refusal.getMessage());
        problem.setTitle(refusal.title());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(refusal.status());
        if (refusal.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()));
        }
        return response.body(problem);
    }

    /** Reads at most {@code limit} bytes; one more is a 413. A declared Content-Length over the limit is refused unread. */
    static byte[] readBounded(HttpServletRequest request, int limit) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (out.size() + read > limit) {
                    throw tooLarge(limit);
                }
                out.write(buffer, 0, read);
            }
        }
        return out.toByteArray();
    }

    private static IngestRefusal tooLarge(int limit) {
        return new IngestRefusal(HttpStatus.CONTENT_TOO_LARGE, "Content too large",
                "The body is larger than this connector's limit of " + limit + " bytes; send smaller batches");
    }
}
