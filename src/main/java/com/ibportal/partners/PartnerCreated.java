package com.ibportal.partners;

/**
 * A partner was created, inside the creating transaction; {@code planCode} is the plan asked for at creation
 * (null: none given). Listeners that run synchronously can still make the creation fail.
 */
public record PartnerCreated(String code, String planCode) {
}
