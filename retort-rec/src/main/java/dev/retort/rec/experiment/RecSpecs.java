package dev.retort.rec.experiment;

import dev.retort.PlanException;
import dev.retort.rec.data.registry.Downloader;
import dev.retort.rec.data.spec.DatasetSpec;
import dev.retort.rec.data.spec.DatasetSpecParser;
import dev.retort.rec.split.KFold;
import org.yaml.snakeyaml.nodes.Node;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Dataset specs as the recommender plan uses them. */
final class RecSpecs {
    private RecSpecs() {
    }

    static List<DatasetSpec> datasets(Node node, String planFile) {
        List<DatasetSpec> ds = DatasetSpecParser.parse(node, planFile);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ds.size(); i++) {
            DatasetSpec d = ds.get(i);
            if (!seen.add(d.name()))
                throw PlanException.at(planFile, "datasets[" + i + "].name", d.name(), "is used twice", "a distinct name per dataset");
            if (d.split() == null)
                throw PlanException.at(planFile, "datasets[" + i + "].split", null, "is missing",
                        "one of holdout, leave_one_out, kfold, predefined, e.g. split: {leave_one_out: {by: time}}");
        }
        return ds;
    }

    static int folds(DatasetSpec d) {
        return d.split() instanceof KFold k ? k.folds() : 1;
    }

    static Path dataCache() {
        return Downloader.defaultCache();
    }
}
