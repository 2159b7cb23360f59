package com.ibportal.ingestion;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Addresses and CIDR ranges a connector's deliveries may come from; empty means any address. */
record IpAllowList(List<Range> ranges) {

    static final IpAllowList ANY = new IpAllowList(List.of());
    /** Only literals: {@link InetAddress#getByName} would otherwise resolve host names. */
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    record Range(byte[] network, int prefixBits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefixBits / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }

    static IpAllowList parse(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            String[] parts = entry.trim().split("/", 2);
            byte[] address = literal(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("\"" + abbreviate(entry) + "\" is not an IP address or CIDR range");
            }
            int bits = address.length * 8;
            if (parts.length == 2) {
                try {
                    bits = Integer.parseInt(parts[1]);
                } catch (NumberFormatException notNumber) {
                    bits = -1;
                }
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException("\"" + abbreviate(entry) + "\" has an invalid prefix length");
                }
            }
            ranges.add(new Range(address, bits));
        }
        return new IpAllowList(List.copyOf(ranges));
    }

    boolean allows(String remoteAddress) {
        if (ranges.isEmpty()) {
            return true;
        }
        byte[] address = remoteAddress == null ? null : literal(remoteAddress);
        return address != null && ranges.stream().anyMatch(range -> range.contains(address));
    }

    private static byte[] literal(String text) {
        if (text.isEmpty() || !LITERAL.matcher(text).matches() || (!text.contains(".") && !text.contains(":"))) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 50 ? text : text.substring(0, 50) + "…";
    }
}
