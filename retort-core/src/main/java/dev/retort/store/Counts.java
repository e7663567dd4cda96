package dev.retort.store;

import java.util.EnumMap;
import java.util.Map;

/** Trials per state and the summed cost of finished trials, for one experiment. */
public record Counts(Map<TrialState, Long> byState, double cost) {
    public Counts {
        EnumMap<TrialState, Long> m = new EnumMap<>(TrialState.class);
        for (TrialState s : TrialState.values()) m.put(s, byState.getOrDefault(s, 0L));
        byState = m;
    }

    public long get(TrialState s) {
        return byState.get(s);
    }

    public long total() {
        return byState.values().stream().mapToLong(Long::longValue).sum();
    }

    public long finished() {
        return get(TrialState.DONE) + get(TrialState.FAILED);
    }
}
