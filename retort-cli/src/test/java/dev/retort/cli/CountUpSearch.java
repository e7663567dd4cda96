package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.engine.SearchStrategy;
import dev.retort.plan.SearchArgs;
import dev.retort.plan.SearchExtension;
import dev.retort.space.Config;
import dev.retort.space.Space;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialStore;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A user's own adaptive strategy, as a user would write it: {@code x = start, start + step, ...}, each next
 * config proposed from the store (the largest x so far plus step) until {@code trials} exist. Registered only
 * through a service file the tests put on {@code --classpath}, never on the test class path.
 */
public final class CountUpSearch implements SearchStrategy {
    final long start, step, trials;

    public CountUpSearch(long start, long step, long trials) {
        this.start = start;
        this.step = step;
        this.trials = trials;
    }

    @Override
    public Iterator<Config> initial(Space space) {
        return List.of(Config.of("x", start)).iterator();
    }

    @Override
    public List<Config> more(Space space, TrialStore store, int n) {
        List<TrialRecord> all = store.trials(null);
        if (all.size() >= trials) return List.of();
        long max = all.stream().mapToLong(t -> t.config().getLong("x")).max().orElse(start - step);
        return List.of(Config.of("x", max + step));
    }

    @Override
    public String describe() {
        return "{\"count_up\":{\"start\":" + start + ",\"step\":" + step + ",\"trials\":" + trials + "}}";
    }

    /** The registration: {@code search: {count_up: {start: S, step: D, trials: N}}}. */
    public static final class Registration implements SearchExtension {
        @Override
        public String name() {
            return "count_up";
        }

        @Override
        public Set<String> keys() {
            return Set.of("start", "step", "trials");
        }

        @Override
        public String usage() {
            return "{count_up: {start: S, step: D, trials: N}}";
        }

        @Override
        public SearchStrategy parse(SearchArgs args, Space space) {
            return new CountUpSearch(args.integer("start", Long.MIN_VALUE, Long.MAX_VALUE, 0L),
                    args.integer("step", 1, 1000, 1L), args.integer("trials", 1, 10_000, null));
        }

        @Override
        public SearchStrategy stored(JsonNode args) {
            return new CountUpSearch(args.path("start").asLong(), args.path("step").asLong(), args.path("trials").asLong());
        }
    }
}
