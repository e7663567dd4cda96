package dev.retort.report;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands out unique column names. A name already taken gets a prefix ({@code config.} for a parameter,
 * {@code result.} for a result entry), and a number on top if even that is taken, so a value never hides
 * another in a flat format.
 */
final class ColumnNames {
    private final Set<String> taken = new HashSet<>();

    ColumnNames(Collection<String> reserved) {
        taken.addAll(reserved);
    }

    String claim(String name, String prefix) {
        String n = taken.contains(name) ? prefix + name : name;
        String base = n;
        for (int i = 2; taken.contains(n); i++) n = base + "#" + i;
        taken.add(n);
        return n;
    }
}
