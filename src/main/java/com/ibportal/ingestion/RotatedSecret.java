package com.ibportal.ingestion;

/** A connector's new secret, shown once; the one it replaces keeps verifying until dropped or rotated again. */
public record RotatedSecret(long id, String secret, boolean previousSecretActive) {

    @Override
    public String toString() {
        return "RotatedSecret[id=" + id + "]";
    }
}
