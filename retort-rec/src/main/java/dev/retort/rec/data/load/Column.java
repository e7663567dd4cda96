package dev.retort.rec.data.load;

/**
 * Where a field sits in a row: by zero-based {@code index}, or by header {@code name} (then index is -1).
 * A RecBole header name {@code user_id:token} also matches {@code user_id}.
 */
public record Column(int index, String name) {
    public static Column at(int index) {
        return new Column(index, null);
    }

    public static Column named(String name) {
        return new Column(-1, name);
    }

    public boolean byName() {
        return name != null;
    }

    @Override
    public String toString() {
        return byName() ? "'" + name + "'" : "#" + index;
    }
}
