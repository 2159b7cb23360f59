/**
 * Clients (traders) of the broker: their CRM id, KYC state, first deposit, and which partner
 * each belongs to at every instant (effective-dated attribution).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clients")
package com.ibportal.clients;
