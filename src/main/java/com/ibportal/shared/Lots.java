package com.ibportal.shared;

import java.math.BigDecimal;
import java.util.Objects;

/** Closed volume in standard lots, one round turn per closed trade; never negative. */
public record Lots(BigDecimal value) implements Comparable<Lots> {

    public static final Lots ZERO = new Lots(BigDecimal.ZERO);

    public Lots {
        Objects.requireNonNull(value, "lots");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("lots must not be negative: " + value.toPlainString());
        }
    }

    public static Lots of(String value) {
        return new Lots(new BigDecimal(value));
    }

    public static Lots of(BigDecimal value) {
        return new Lots(value);
    }

    public Lots plus(Lots other) {
        return new Lots(value.add(other.value));
    }

    @Override
    public int compareTo(Lots other) {
        return value.compareTo(other.value);
    }

    // 2.5 and 2.50 lots are the same volume; BigDecimal.equals would tell them apart by scale.
    @Override
    public boolean equals(Object other) {
        return other instanceof Lots lots && value.compareTo(lots.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
