package com.ibportal.clients;

import java.time.Instant;

/** A platform account a client trades on, first seen in an event naming it. */
public record TradingAccount(String platform, String login, Instant firstSeenAt) {
}
