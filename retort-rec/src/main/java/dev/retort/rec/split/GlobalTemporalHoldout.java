package dev.retort.rec.split;

import dev.retort.PlanException;
import dev.retort.rec.data.Interactions;

import java.util.Arrays;
import java.util.List;

/**
 * One time cut for everybody. Test is every row with {@code timestamp >= T}, where T is either {@code at}
 * (epoch seconds) or the timestamp at the {@code 1 - fraction} quantile (the {@code round(fraction*rows)}-th
 * latest row); rows tied with T go to test, so the test share can exceed the fraction. With
 * {@code validation > 0} the same rule cuts a validation period just before T (as a share of all rows).
 * Needs timestamps. Exactly one of {@code fraction} and {@code at} is set.
 */
public record GlobalTemporalHoldout(Double fraction, Long at, double validation) implements SplitSpec {
    public GlobalTemporalHoldout {
        if ((fraction == null) == (at == null)) throw PlanException.at(null, "holdout", null, "global_time needs exactly one of fraction and at", "{fraction: 0.2} or {at: epoch_seconds}");
        if (fraction != null) Params.fraction("holdout.fraction", fraction);
        Params.validation("holdout.validation", validation, fraction == null ? 0 : fraction);
    }

    @Override
    public List<SplitResult> applyReported(Interactions data) {
        Groups.requireTimestamps(data, "holdout.by");
        int n = data.size();
        long[] sorted = data.timestampsArray().clone();
        Arrays.sort(sorted);
        long cut = at != null ? at : quantileCut(sorted, Params.share(fraction, n, n));
        byte[] role = new byte[n];
        int nTest = 0;
        for (int i = 0; i < n; i++) {
            if (data.timestamp(i) >= cut) {
                role[i] = Role.TEST;
                nTest++;
            }
        }
        if (validation > 0) {
            int nVal = Params.share(validation, n, n - nTest);
            long valCut = nVal == 0 ? Long.MAX_VALUE : sorted[n - nTest - nVal];
            for (int i = 0; i < n; i++) if (role[i] == Role.TRAIN && data.timestamp(i) >= valCut) role[i] = Role.VALIDATION;
        }
        return List.of(Assembler.assemble("holdout", data, role, validation > 0));
    }

    private static long quantileCut(long[] sorted, int nTest) {
        return nTest == 0 ? Long.MAX_VALUE : sorted[sorted.length - nTest];
    }
}
