package com.ibportal.ingestion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET|POST /api/v1/postback/{connectorId}}: URL postbacks from CRMs that cannot sign webhooks. Parameters come
 * in the query or a form body. A duplicate answers 200 like a new event: postback senders treat any non-2xx as a
 * failure and would retry it for days.
 */
@RestController
class PostbackApi {

    private final PostbackIntake intake;

    PostbackApi(PostbackIntake intake) {
        this.intake = intake;
    }

    @Operation(summary = "Server-to-server postback", security = {}, description = "event=registration|ftd|deposit|kyc|"
            + "withdrawal|chargeback, client_id, id?, occurred_at? (ISO-8601 or epoch seconds; default: received time), "
            + "referral_code|ref, campaign|sub, email, country, amount, currency, transaction_id, account_login, status. "
            + "200 {status: accepted|duplicate, id}.")
    @Parameter(in = ParameterIn.QUERY, name = PostbackIntake.TOKEN_PARAMETER, description = "The connector's token "
            + "(or header " + PostbackIntake.TOKEN_HEADER + ", preferred: query strings end up in access logs)")
    @RequestMapping(value = "/api/v1/postback/{connectorId}", method = {RequestMethod.GET, RequestMethod.POST})
    Map<String, String> postback(@PathVariable long connectorId, HttpServletRequest request) {
        String token = request.getHeader(PostbackIntake.TOKEN_HEADER);
        if (token == null || token.isBlank()) {
            token = request.getParameter(PostbackIntake.TOKEN_PARAMETER);
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, Arrays.asList(values)));
        PostbackIntake.Answer answer = intake.accept(connectorId,
                new PostbackIntake.Postback(request.getMethod(), token, parameters, request.getRemoteAddr()));
        return Map.of("status", answer.status(), "id", answer.id());
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
}
