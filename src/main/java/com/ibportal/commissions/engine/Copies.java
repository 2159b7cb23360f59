package com.ibportal.commissions.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable copies for plan records, where an absent JSON list or map is empty. A null list element
 * is refused when built (the JSON layer answers 400); a null map value is kept so that
 * {@link PlanValidator} can report the rate that is missing, and maps keep their JSON order.
 */
final class Copies {

    private Copies() {
    }

    static <T> List<T> list(List<T> source) {
        return source == null ? List.of() : List.copyOf(source);
    }

    static <K, V> Map<K, V> map(Map<K, V> source) {
        return source == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(source));
    }
}
