package com.ibportal.payouts;

/** Where a statement stands: CARRIED is final (its total became the next statement's opening balance). */
public enum StatementStatus {
    DRAFT, APPROVED, PAID, CARRIED
}
