package com.ibportal.ingestion;

import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.InvalidInputException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Settings that only some kinds of connector may have: polling for POLLING, write-back for WEBHOOK. */
final class ConnectorKindRules {

    private ConnectorKindRules() {
    }

    /**
     * @param hasCredential a polling credential was given now or is stored already
     * @throws InvalidInputException naming each setting that does not fit the kind
     */
    static void check(ConnectorKind kind, ConnectorSettings settings, boolean hasCredential) {
        List<FieldProblem> problems = new ArrayList<>();
        PollingSettings polling = settings.polling();
        if (kind == ConnectorKind.POLLING && polling == null) {
            problems.add(new FieldProblem("settings.polling", "is required for a POLLING connector: {url, cursorField, …}"));
        }
        if (kind != ConnectorKind.POLLING && polling != null) {
            problems.add(new FieldProblem("settings.polling", "only a POLLING connector polls"));
        }
        if (polling != null && polling.auth() != PollingSettings.Auth.NONE && !hasCredential) {
            problems.add(new FieldProblem("settings.polling.auth." + polling.auth().credentialKey,
                    "is required for " + polling.auth().name().toLowerCase(Locale.ROOT) + " auth"));
        }
        if (kind != ConnectorKind.WEBHOOK && settings.writeBackUrl() != null) {
            // write-backs are signed with the connector's webhook secret; other kinds have none to sign with
            problems.add(new FieldProblem("settings.writeBackUrl", "needs a WEBHOOK connector (write-backs are signed with its secret)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
