package dev.retort.rec.split;

import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.SeededRandom;

import java.util.List;

/**
 * Random holdout over all rows: {@code round(fraction * rows)} random rows go to test and, if
 * {@code validation > 0}, {@code round(validation * rows)} further random rows to validation.
 *
 * @param fraction   test share, in (0, 1)
 * @param validation validation share, in [0, 1) with {@code fraction + validation < 1}; 0 = no validation
 * @param seed       fixes the shuffle
 */
public record RandomHoldout(double fraction, double validation, long seed) implements SplitSpec {
    public RandomHoldout {
        Params.fraction("holdout.fraction", fraction);
        Params.validation("holdout.validation", validation, fraction);
    }

    @Override
    public List<SplitResult> applyReported(Interactions data) {
        int n = data.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        new SeededRandom(seed).shuffle(order, 0, n);
        byte[] role = new byte[n];
        int nTest = Params.share(fraction, n, n);
        int nVal = Params.share(validation, n, n - nTest);
        for (int i = 0; i < nTest; i++) role[order[i]] = Role.TEST;
        for (int i = nTest; i < nTest + nVal; i++) role[order[i]] = Role.VALIDATION;
        return List.of(Assembler.assemble("holdout", data, role, validation > 0));
    }
}
