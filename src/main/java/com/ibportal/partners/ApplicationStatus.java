package com.ibportal.partners;

public enum ApplicationStatus {
    PENDING, APPROVED, REJECTED
}
