package com.ibportal.ingestion;

import tools.jackson.databind.JsonNode;

/**
 * What an admin asks for when creating a connector. {@code kind} and {@code format} are text so that a wrong value is
 * a field-named 400, not an unreadable body.
 *
 * @param kind     WEBHOOK, POSTBACK, POLLING or CSV
 * @param format   canonical, mt5, mt4, ctrader, matchtrader, dxtrade or mapping
 * @param enabled  default true
 * @param settings format settings (serverId, serverZone, accountCurrency, …) and endpoint limits (maxBodyBytes,
 *                 rateLimitPerSecond, ipAllowList, writeBackUrl)
 */
public record NewConnector(String name, String kind, String format, Boolean enabled, JsonNode settings) {
}
