package com.ibportal.partners;

public enum PartnerStatus {
    ACTIVE, SUSPENDED
}
