package com.ibportal.ingestion.canonical;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes canonical events as the contract shows them: decimals as plain strings ({@code "0.50"}), instants as
 * ISO-8601 UTC, absent optional fields left out. What it writes, {@link CanonicalEventParser} reads back unchanged.
 */
public final class CanonicalEventWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public ObjectNode write(CanonicalEvent event) {
        ObjectNode json = NODES.objectNode();
        json.put("id", event.id());
        json.put("type", event.type().wireName());
        json.put("occurredAt", event.occurredAt().toString());
        json.put("clientId", event.clientId());
        json.set("data", writeData(event.data()));
        return json;
    }

    public ArrayNode writeAll(List<CanonicalEvent> events) {
        ArrayNode array = NODES.arrayNode();
        events.forEach(event -> array.add(write(event)));
        return array;
    }

    public String writeString(CanonicalEvent event) {
        return JsonValues.mapper().writeValueAsString(write(event));
    }

    private static ObjectNode writeData(EventData data) {
        ObjectNode json = NODES.objectNode();
        switch (data) {
            case EventData.ClientRegistered registered -> {
                putText(json, "referralCode", registered.referralCode());
                putText(json, "campaign", registered.campaign());
                putText(json, "email", registered.email());
                putText(json, "country", registered.country());
            }
            case EventData.KycChanged kyc -> json.put("status", kyc.status().name());
            case EventData.CashTransfer transfer -> {
                json.put("transactionId", transfer.transactionId());
                putDecimal(json, "amount", transfer.amount());
                json.put("currency", transfer.currency().code());
                putText(json, "accountLogin", transfer.accountLogin());
            }
            case EventData.DepositChargedBack chargedBack -> json.put("transactionId", chargedBack.transactionId());
            case EventData.TradeClosed trade -> {
                json.put("dealId", trade.dealId());
                json.put("accountLogin", trade.accountLogin());
                json.put("platform", trade.platform().name());
                json.put("symbol", trade.symbol());
                putDecimal(json, "lots", trade.lots());
                putInstant(json, "openedAt", trade.openedAt());
                putInstant(json, "closedAt", trade.closedAt());
                putDecimal(json, "spreadRevenue", trade.spreadRevenue());
                putDecimal(json, "profit", trade.profit());
                putDecimal(json, "swap", trade.swap());
                putDecimal(json, "commission", trade.commission());
                json.put("currency", trade.currency().code());
            }
        }
        return json;
    }

    private static void putText(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    private static void putDecimal(ObjectNode json, String name, BigDecimal value) {
        if (value != null) {
            json.put(name, JsonValues.format(value));
        }
    }

    private static void putInstant(ObjectNode json, String name, Instant value) {
        json.put(name, value.toString());
    }
}
