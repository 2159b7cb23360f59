package com.ibportal.ingestion.formats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The formats a connector may name, by name. */
public final class EventFormats {

    private final Map<String, EventFormat> byName = new LinkedHashMap<>();

    public EventFormats(EventFormat... formats) {
        Arrays.stream(formats).forEach(format -> {
            if (byName.putIfAbsent(format.name(), format) != null) {
                throw new IllegalArgumentException("two formats are named " + format.name());
            }
        });
    }

    /** Every format of contract v1: canonical, mt5, mt4, ctrader, matchtrader, dxtrade, mapping. */
    public static EventFormats standard() {
        return new EventFormats(new CanonicalFormat(), new Mt5Format(), new Mt4Format(), new CtraderFormat(),
                new MatchTraderFormat(), new DxtradeFormat(), new JsonMappingFormat());
    }

    /** @throws IllegalArgumentException naming the known formats when {@code name} is not one */
    public EventFormat get(String name) {
        EventFormat format = byName.get(name);
        if (format == null) {
            throw new IllegalArgumentException("unknown format \"" + name + "\"; known formats: "
                    + String.join(", ", byName.keySet()));
        }
        return format;
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
