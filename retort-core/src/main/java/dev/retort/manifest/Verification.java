package dev.retort.manifest;

import java.io.IOException;
import java.util.List;

/**
 * What {@code retort rerun} checks before it runs: it captures the rebuilt experiment as a run would and
 * compares the code, the data, the captured files and the plan ({@link ManifestDiff#VERIFIED}) with the
 * recorded manifest. File locations are not compared, only what is in the files.
 */
public final class Verification {
    private Verification() {
    }

    public static List<ManifestDiff.Difference> differences(Manifest recorded, CaptureInput rebuilt) throws IOException {
        var fresh = Canonical.tree(ManifestBuilder.build(rebuilt, CaptureStore.in(rebuilt.experimentDir())));
        return ManifestDiff.under(recorded.json(), fresh, ManifestDiff.VERIFIED, true);
    }
}
