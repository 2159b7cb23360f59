package com.ibportal.partners;

import java.time.Instant;

/** A partner (with its whole subtree) sits under {@code newParentCode} from {@code effectiveFrom}; null = top level. */
public record PartnerMoved(String code, String newParentCode, Instant effectiveFrom) {
}
