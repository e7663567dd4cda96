package dev.retort.space;

import dev.retort.PlanException;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An immutable parameter space with execo's {@code sweep} semantics: the full cartesian product of its factors,
 * the first declared factor varying slowest; a map-of-levels factor sweeps each level's sub-space only under
 * that level. Build one with {@link #builder()}, {@link SpaceParser} (YAML) or {@link #fromJson(String)}.
 *
 * <p>A parameter name appears at most once on any path (a sub-space cannot redefine a name of an enclosing
 * space), but sibling levels may reuse a name. Factors with no levels are dropped when built.
 */
public final class Space {
    private static final Space EMPTY = new Space(List.of(), Set.of());

    private final List<Factor> factors;
    private final Set<String> names;
    private String json;

    private Space(List<Factor> factors, Set<String> names) {
        this.factors = factors;
        this.names = names;
    }

    /** The space with no factors: its grid is one empty config. */
    public static Space empty() {
        return EMPTY;
    }

    /** Starts a space; see {@link SpaceBuilder}. */
    public static SpaceBuilder builder() {
        return new SpaceBuilder();
    }

    static Space of(List<Factor> factors, Set<String> names) {
        return factors.isEmpty() ? EMPTY
                : new Space(List.copyOf(factors), Collections.unmodifiableSet(new LinkedHashSet<>(names)));
    }

    /** True when the space has no factors (after dropping factors with no levels). */
    public boolean isEmpty() {
        return factors.isEmpty();
    }

    /** Every parameter name at any depth, in declaration order (depth first). */
    public Set<String> parameterNames() {
        return names;
    }

    /** True when {@code name} is a parameter of the space itself, not one nested under a level of another. */
    public boolean isTopLevel(String name) {
        for (Factor f : factors) if (f.name().equals(name)) return true;
        return false;
    }

    /**
     * True when every config of the space has {@code name}: it is a top-level parameter, or every level of a
     * map-of-levels factor has it (e.g. {@code epochs} of the only algorithm of a recommender plan).
     */
    public boolean inEveryConfig(String name) {
        for (Factor f : factors) {
            if (f.name().equals(name)) return true;
            if (f instanceof Factor.Branch b && b.levels().size() > 0) {
                boolean all = true;
                for (int i = 0; i < b.levels().size() && all; i++) all = b.levels().subSpace(i).inEveryConfig(name);
                if (all) return true;
            }
        }
        return false;
    }

    /** True when every factor at every depth is finite, so {@link #grid()} works. */
    public boolean isGridable() {
        return firstRandom(new StringBuilder()) == null;
    }

    /**
     * Streams the grid in sweep order without materialising it: O(factors) state, one new {@link Config} per
     * {@code next()}. Throws {@link PlanException} naming the first random-search-only factor, if any.
     */
    public Iterator<Config> grid() {
        requireGridable();
        return new GridIterator(this);
    }

    /** Exact number of configs in {@link #grid()}; {@link PlanException} if over 2^63-1 or not gridable. */
    public long gridSize() {
        requireGridable();
        try {
            return size();
        } catch (ArithmeticException e) {
            throw PlanException.at(null, "space", null, "has more than 2^63-1 configs in its grid",
                    "a grid of at most 2^63-1 configs; use random search for larger spaces");
        }
    }

    private long size() {
        long n = 1;
        for (Factor f : factors) {
            long k = 0;
            if (f instanceof Factor.Plain p) k = p.domain().size();
            else if (f instanceof Factor.Branch b)
                for (int i = 0; i < b.levels().size(); i++) k = Math.addExact(k, b.levels().subSpace(i).size());
            n = Math.multiplyExact(n, k);
        }
        return n;
    }

    private void requireGridable() {
        RandomFactor r = firstRandom(new StringBuilder("space"));
        if (r != null) throw PlanException.at(r.factor().where(), r.path(),
                new Verbatim("{" + r.factor().domain().kind() + ": " + r.factor().domain().args() + "}"),
                "is a random-search distribution and cannot be swept in a grid",
                "lists, choice, geom, igeom, linspace, range in a grid; uniform, loguniform, int need random search");
    }

    private record RandomFactor(Factor.Plain factor, String path) {
    }

    private RandomFactor firstRandom(StringBuilder path) {
        for (Factor f : factors) {
            int mark = path.length();
            path.append('.').append(f.name());
            if (f instanceof Factor.Plain p && !p.domain().isFinite()) return new RandomFactor(p, path.toString());
            if (f instanceof Factor.Branch b) {
                for (int i = 0; i < b.levels().size(); i++) {
                    int levelMark = path.length();
                    path.append('.').append(b.levels().values().get(i));
                    RandomFactor found = b.levels().subSpace(i).firstRandom(path);
                    if (found != null) return found;
                    path.setLength(levelMark);
                }
            }
            path.setLength(mark);
        }
        return null;
    }

    /**
     * Draw number {@code index} of a random search seeded with {@code seed}: each draw has its own generator,
     * derived from (seed, index) by a 64-bit mixer, so draws are independent of one another and extending a
     * search from 200 to 300 draws keeps the first 200. Plain lists and ranges are drawn uniformly among their
     * levels; a map of levels first picks a level uniformly, then draws its sub-space. Works on any space.
     */
    public Config sample(long seed, long index) {
        return Sampler.sample(this, seed, index);
    }

    List<Factor> factors() {
        return factors;
    }

    /**
     * Canonical JSON description in declaration order, e.g. {@code {"x":{"geom":[0.1,15.0,8]},"act":["relu"],
     * "opt":{"levels":[["sgd",{"m":[0.9]}],["adam",{}]]}}}. Two spaces are equal exactly when these texts are.
     */
    public String toJson() {
        String j = json;
        if (j == null) json = j = SpaceJson.write(this);
        return j;
    }

    /** Reads what {@link #toJson()} wrote; throws {@link PlanException} on malformed input. */
    public static Space fromJson(String json) {
        return SpaceJson.read(json);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Space s && toJson().equals(s.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
