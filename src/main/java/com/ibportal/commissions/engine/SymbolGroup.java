package com.ibportal.commissions.engine;

import java.util.List;

/**
 * A named set of symbols in a plan. A symbol pattern is an exact symbol or holds {@code *}
 * wildcards ({@code XAU*}); {@code *} alone matches every symbol. Matching ignores case, because
 * platforms disagree on the case of the same instrument.
 */
public record SymbolGroup(String name, List<String> symbols) {

    public SymbolGroup {
        symbols = Copies.list(symbols);
    }

    public boolean matches(String symbol) {
        for (int i = 0; i < symbols.size(); i++) {
            if (matches(symbols.get(i), symbol)) {
                return true;
            }
        }
        return false;
    }

    // Linear glob matching that backtracks only to the last '*': no regex compiled per trade.
    static boolean matches(String pattern, String symbol) {
        int p = 0;
        int s = 0;
        int lastStar = -1;
        int symbolAtLastStar = 0;
        while (s < symbol.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                lastStar = p++;
                symbolAtLastStar = s;
            } else if (p < pattern.length() && sameLetter(pattern.charAt(p), symbol.charAt(s))) {
                p++;
                s++;
            } else if (lastStar >= 0) {
                p = lastStar + 1;
                s = ++symbolAtLastStar;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean sameLetter(char a, char b) {
        return a == b || Character.toUpperCase(a) == Character.toUpperCase(b);
    }
}
