package com.ibportal.shared;

import java.util.List;

/** One page of a list as the API returns it; pages count from 0. */
public record Paged<T>(List<T> items, int page, int size, long totalItems) {

    public static final int MAX_SIZE = 200;

    public Paged {
        items = List.copyOf(items);
    }

    /** Refuses a page number or size the API does not serve, naming the query parameter. */
    public static void check(int page, int size) {
        if (page < 0) {
            throw InvalidInputException.of("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw InvalidInputException.of("size", "must be 1 to " + MAX_SIZE);
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
