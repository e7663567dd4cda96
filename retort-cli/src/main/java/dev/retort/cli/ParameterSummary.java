package dev.retort.cli;

import dev.retort.store.Counts;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/**
 * One line per parameter for {@code retort status}. A parameter with at most {@value #LISTED} values lists each
 * value with its done/total counts; a numeric one with more (a distribution or a long range: a continuous
 * parameter) is summarised as its count of values, min, max, and its value in the best DONE trial.
 */
final class ParameterSummary {
    static final int LISTED = 12;

    private ParameterSummary() {
    }

    static String line(String param, Map<Object, Counts> values, TrialRecord best) {
        StringBuilder line = new StringBuilder("  " + param + ":");
        if (values.size() > LISTED && values.keySet().stream().allMatch(v -> v instanceof Number)) {
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            long done = 0, total = 0;
            for (Map.Entry<Object, Counts> e : values.entrySet()) {
                double v = ((Number) e.getKey()).doubleValue();
                min = Math.min(min, v);
                max = Math.max(max, v);
                done += e.getValue().get(TrialState.DONE);
                total += e.getValue().total();
            }
            line.append(' ').append(values.size()).append(" values (done/total ").append(done).append('/').append(total)
                    .append("), min ").append(number(min)).append(", max ").append(number(max));
            if (best != null && best.config().has(param))
                line.append(", best ").append(best.config().get(param)).append(" (trial ").append(best.id()).append(')');
            return line.toString();
        }
        int shown = 0;
        for (Map.Entry<Object, Counts> e : values.entrySet()) {
            if (shown++ == LISTED) {
                line.append(" ... (").append(values.size() - LISTED).append(" more)");
                break;
            }
            line.append(' ').append(e.getKey()).append('=').append(e.getValue().get(TrialState.DONE)).append('/').append(e.getValue().total());
        }
        return line.toString();
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toString();
    }
}
