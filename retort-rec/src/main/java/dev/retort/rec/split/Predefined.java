package dev.retort.rec.split;

import dev.retort.PlanException;
import dev.retort.rec.data.Canonicalizer;
import dev.retort.rec.data.IdMap;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.load.Loader;
import dev.retort.rec.data.load.TableFormat;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A split given as files (read with the same loaders). Each listed (user, item) pair takes its row from the
 * dataset, so preprocessing applies to predefined splits too: pairs the dataset does not contain (never
 * there, or removed by preprocessing) are skipped and counted as {@code notInDataset}. A pair listed in two
 * parts is a {@link PlanException}. With no dataset source, {@link #union()} is the dataset.
 *
 * @param validation null when there is no validation file
 */
public record Predefined(Path train, Path test, Path validation, TableFormat format) implements SplitSpec {
    /** All rows of the split files as one canonical dataset (train, then test, then validation order). */
    public Interactions union() {
        List<Interactions> parts = parts();
        int n = parts.stream().mapToInt(Interactions::size).sum();
        boolean ratings = parts.stream().allMatch(Interactions::hasRatings);
        boolean times = parts.stream().allMatch(Interactions::hasTimestamps);
        int[] users = new int[n];
        int[] items = new int[n];
        float[] r = ratings ? new float[n] : null;
        long[] t = times ? new long[n] : null;
        IdMap userIds = new IdMap();
        IdMap itemIds = new IdMap();
        int j = 0;
        for (Interactions p : parts) {
            for (int i = 0; i < p.size(); i++, j++) {
                users[j] = userIds.intern(p.userIds().original(p.user(i)));
                items[j] = itemIds.intern(p.itemIds().original(p.item(i)));
                if (r != null) r[j] = p.rating(i);
                if (t != null) t[j] = p.timestamp(i);
            }
        }
        return Canonicalizer.dedupe(new Interactions(users, items, r, t, userIds, itemIds)).data();
    }

    @Override
    public List<SplitResult> applyReported(Interactions data) {
        Long2IntOpenHashMap rowOf = new Long2IntOpenHashMap(data.size());
        rowOf.defaultReturnValue(-1);
        for (int i = 0; i < data.size(); i++) rowOf.put(key(data.user(i), data.item(i)), i);
        byte[] role = new byte[data.size()];
        java.util.Arrays.fill(role, Role.NONE);
        List<Interactions> parts = parts();
        byte[] roles = {Role.TRAIN, Role.TEST, Role.VALIDATION};
        Path[] files = {train, test, validation};
        int missing = 0;
        for (int p = 0; p < parts.size(); p++) {
            Interactions part = parts.get(p);
            for (int i = 0; i < part.size(); i++) {
                String u = part.userIds().original(part.user(i));
                String it = part.itemIds().original(part.item(i));
                int du = data.userIds().idOf(u);
                int di = data.itemIds().idOf(it);
                int row = du < 0 || di < 0 ? -1 : rowOf.get(key(du, di));
                if (row < 0) {
                    missing++;
                    continue;
                }
                if (role[row] != Role.NONE) {
                    throw PlanException.at(files[p].toString(), "split.predefined", "user " + u + " item " + it,
                            "is also listed in another part of the split", "each pair in one part only");
                }
                role[row] = roles[p];
            }
        }
        return List.of(Assembler.assemble("predefined", data, role, validation != null, missing));
    }

    private List<Interactions> parts() {
        List<Interactions> parts = new ArrayList<>();
        parts.add(Loader.load(train, format).data());
        parts.add(Loader.load(test, format).data());
        if (validation != null) parts.add(Loader.load(validation, format).data());
        return parts;
    }

    private static long key(int user, int item) {
        return ((long) user << 32) | (item & 0xFFFFFFFFL);
    }
}
