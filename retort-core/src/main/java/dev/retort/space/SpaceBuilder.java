package dev.retort.space;

import dev.retort.PlanException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a {@link Space} factor by factor, in declaration order (the first factor varies slowest in the grid):
 * <pre>{@code
 * Space.builder()
 *     .factor("x", Domain.linspace(-5, 10, 16))
 *     .factor("act", "relu", "tanh")
 *     .levels("optimizer", Levels.of().level("sgd", Space.builder().factor("momentum", 0.0, 0.9).build()).level("adam"))
 *     .build();
 * }</pre>
 */
public final class SpaceBuilder {
    private final List<Factor> factors = new ArrayList<>();

    SpaceBuilder() {
    }

    /** A factor over a domain (list, range or distribution). */
    public SpaceBuilder factor(String name, Domain domain) {
        return factor(name, domain, null);
    }

    /** A factor over the given levels; one value is a constant ({@code factor("seed", 42)}), none drops it. */
    public SpaceBuilder factor(String name, Object... levels) {
        return factor(name, ListDomain.of("list", null, name, Arrays.asList(levels)), null);
    }

    /** A factor over the levels of a list, in list order. */
    public SpaceBuilder factor(String name, List<?> levels) {
        return factor(name, ListDomain.of("list", null, name, levels), null);
    }

    /**
     * A factor over a distribution ({@code uniform}, {@code loguniform}, {@code int} or {@code choice}) with a
     * prior: random draws and TPE centre on {@code value}, as closely as {@code confidence} ({@code low},
     * {@code medium}, {@code high}) says; a grid ignores it. Throws {@link PlanException} when the value is
     * outside the domain, the confidence unknown or the domain not a distribution.
     */
    public SpaceBuilder factor(String name, Domain domain, Object value, String confidence) {
        return factor(name, domain, Prior.of(null, name + ".prior", domain, Config.canonical(name + ".prior.value", value), confidence), null);
    }

    /** A map-of-levels factor: each level sweeps its own sub-space. */
    public SpaceBuilder levels(String name, Levels levels) {
        return add(new Factor.Branch(name, levels, null));
    }

    SpaceBuilder factor(String name, Domain domain, String where) {
        return factor(name, domain, null, where);
    }

    SpaceBuilder factor(String name, Domain domain, Prior prior, String where) {
        return add(new Factor.Plain(name, domain, prior, where));
    }

    SpaceBuilder levels(String name, Levels levels, String where) {
        return add(new Factor.Branch(name, levels, where));
    }

    private SpaceBuilder add(Factor f) {
        if (f.name() == null || f.name().isEmpty())
            throw PlanException.at(f.where(), "space", f.name(), "is not a parameter name", "a non-empty name");
        factors.add(f);
        return this;
    }

    /**
     * Checks that no name occurs twice on one path and drops factors with no levels.
     * Throws {@link PlanException} naming the repeated parameter.
     */
    public Space build() {
        Set<String> all = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>(); // also holds dropped factors' names
        List<Factor> kept = new ArrayList<>();
        for (Factor f : factors) {
            Set<String> mine = new LinkedHashSet<>();
            mine.add(f.name());
            if (f instanceof Factor.Branch b)
                for (int i = 0; i < b.levels().size(); i++) {
                    Set<String> sub = b.levels().subSpace(i).parameterNames();
                    if (sub.contains(f.name())) throw twice(f, f.name());
                    mine.addAll(sub);
                }
            for (String n : mine) if (seen.contains(n)) throw twice(f, n);
            seen.addAll(mine);
            boolean empty = f instanceof Factor.Plain p ? p.domain().isFinite() && p.domain().size() == 0
                    : ((Factor.Branch) f).levels().size() == 0;
            if (empty) continue;
            all.addAll(mine);
            kept.add(f);
        }
        return Space.of(kept, all);
    }

    private static PlanException twice(Factor f, String name) {
        return PlanException.at(f.where(), name, null, "is defined twice on one path (under or beside factor '"
                + f.name() + "')", "each parameter name once per path; sibling levels may reuse a name");
    }
}
