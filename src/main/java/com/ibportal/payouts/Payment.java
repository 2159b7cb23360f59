package com.ibportal.payouts;

import java.time.LocalDate;

/** How a statement was paid: the bank's or provider's reference and the day the money left. */
public record Payment(String reference, LocalDate paidOn) {
}
