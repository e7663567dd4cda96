package dev.retort.rec.data;

/** Builds small {@link Interactions} from text rows {@code "user item [rating [timestamp]]"} for tests. */
public final class TestData {
    private TestData() {
    }

    public static Interactions of(String... rows) {
        int n = rows.length;
        int fields = n == 0 ? 2 : rows[0].trim().split("\\s+").length;
        int[] users = new int[n];
        int[] items = new int[n];
        float[] ratings = fields >= 3 ? new float[n] : null;
        long[] times = fields >= 4 ? new long[n] : null;
        IdMap u = new IdMap();
        IdMap it = new IdMap();
        for (int i = 0; i < n; i++) {
            String[] f = rows[i].trim().split("\\s+");
            users[i] = u.intern(f[0]);
            items[i] = it.intern(f[1]);
            if (ratings != null) ratings[i] = Float.parseFloat(f[2]);
            if (times != null) times[i] = Long.parseLong(f[3]);
        }
        return new Interactions(users, items, ratings, times, u, it);
    }

    /** Rows as "user item" pairs of original ids, in row order. */
    public static java.util.List<String> pairs(Interactions d) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < d.size(); i++) out.add(d.userIds().original(d.user(i)) + " " + d.itemIds().original(d.item(i)));
        return out;
    }
}
