package dev.retort.rec.split;

import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.Subset;

/** Builds a {@link Split} from a role per row, applying the unseen user/item policy. */
final class Assembler {
    private Assembler() {
    }

    static SplitResult assemble(String name, Interactions data, byte[] role, boolean withValidation) {
        return assemble(name, data, role, withValidation, 0);
    }

    static SplitResult assemble(String name, Interactions data, byte[] role, boolean withValidation, int notInDataset) {
        int n = data.size();
        boolean[] userSeen = new boolean[data.numUsers()];
        boolean[] itemSeen = new boolean[data.numItems()];
        int[] train = new int[n];
        int nTrain = 0;
        for (int i = 0; i < n; i++) {
            if (role[i] != Role.TRAIN) continue;
            train[nTrain++] = i;
            userSeen[data.user(i)] = true;
            itemSeen[data.item(i)] = true;
        }
        int[] test = new int[n];
        int[] val = new int[n];
        int nTest = 0;
        int nVal = 0;
        int unseenTest = 0;
        int unseenVal = 0;
        for (int i = 0; i < n; i++) {
            if (role[i] == Role.TRAIN) continue;
            boolean seen = userSeen[data.user(i)] && itemSeen[data.item(i)];
            if (role[i] == Role.TEST) {
                if (seen) test[nTest++] = i;
                else unseenTest++;
            } else if (role[i] == Role.VALIDATION) {
                if (seen) val[nVal++] = i;
                else unseenVal++;
            }
        }
        Split split = new Split(name, Subset.shared(data, train, nTrain), Subset.shared(data, test, nTest),
                withValidation ? Subset.shared(data, val, nVal) : null);
        return new SplitResult(split, new SplitReport(name, nTrain, nTest, nVal, unseenTest, unseenVal, notInDataset));
    }
}
