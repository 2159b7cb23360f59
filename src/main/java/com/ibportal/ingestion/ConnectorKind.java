package com.ibportal.ingestion;

/** How a connector's events arrive: signed webhooks, token postbacks, polling a vendor API, or an uploaded CSV. */
public enum ConnectorKind { WEBHOOK, POSTBACK, POLLING, CSV }
