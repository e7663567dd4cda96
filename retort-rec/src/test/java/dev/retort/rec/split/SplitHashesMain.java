package dev.retort.rec.split;

import dev.retort.rec.data.ContentHash;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.load.DataFormat;
import dev.retort.rec.data.load.Loader;

import java.nio.file.Path;
import java.util.List;
import java.util.TimeZone;

/** Child JVM of {@link SplitTimeZoneTest}: loads args[0] (ML-1M format) and prints the hash of every split kind. */
public final class SplitHashesMain {
    private SplitHashesMain() {
    }

    public static void main(String[] args) {
        Interactions data = Loader.load(Path.of(args[0]), DataFormat.ML_DAT).data();
        System.out.println("zone " + TimeZone.getDefault().getID());
        System.out.println("data " + ContentHash.of(data));
        List<SplitSpec> specs = List.of(new GlobalTemporalHoldout(0.2, null, 0.1), new GlobalTemporalHoldout(null, 978_307_200L, 0.0),
                new UserTemporalHoldout(0.2, 0.1), new LeaveOneOut(LeaveOneOut.Order.TIME, true, 3),
                new LeaveOneOut(LeaveOneOut.Order.RANDOM, false, 3), new KFold(3, true, 0.1, 5), new KFold(3, false, 0.0, 5),
                new RandomHoldout(0.2, 0.1, 9));
        for (SplitSpec spec : specs)
            for (Split s : spec.apply(data)) System.out.println(spec + " " + s.name() + " " + ContentHash.splitHash(s));
    }
}
