package com.ibportal.shared;

/** The request is valid but clashes with the current state (a duplicate code, a cycle, a closed period). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
