package com.ibportal.shared;

/**
 * Thrown when an object does not exist or lies outside what the caller may see; the two are
 * deliberately indistinguishable so ids cannot be probed.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
