package dev.retort.rec.data.spec;

import dev.retort.PlanException;
import dev.retort.rec.data.SyntheticSpec;
import dev.retort.rec.data.load.Column;
import dev.retort.rec.data.load.DataFormat;
import dev.retort.rec.preprocess.Core;
import dev.retort.rec.preprocess.Implicit;
import dev.retort.rec.preprocess.RatingFilter;
import dev.retort.rec.preprocess.Subsample;
import dev.retort.rec.preprocess.TimeFilter;
import dev.retort.rec.split.GlobalTemporalHoldout;
import dev.retort.rec.split.KFold;
import dev.retort.rec.split.LeaveOneOut;
import dev.retort.rec.split.Predefined;
import dev.retort.rec.split.RandomHoldout;
import dev.retort.rec.split.UserHoldout;
import dev.retort.rec.split.UserTemporalHoldout;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetSpecParserTest {
    private static List<DatasetSpec> parse(String yaml) {
        MappingNode root = (MappingNode) new Yaml().compose(new StringReader(yaml));
        Node datasets = root.getValue().stream().filter(t -> t.getKeyNode().getStartMark().getColumn() == 0)
                .filter(t -> ((org.yaml.snakeyaml.nodes.ScalarNode) t.getKeyNode()).getValue().equals("datasets"))
                .findFirst().orElseThrow().getValueNode();
        return DatasetSpecParser.parse(datasets, "plans/p.yaml");
    }

    private static void fails(String yaml, String... fragments) {
        var a = assertThatThrownBy(() -> parse(yaml)).isInstanceOf(PlanException.class);
        for (String f : fragments) a.hasMessageContaining(f);
    }

    @Test
    void parses_the_documented_example() {
        List<DatasetSpec> specs = parse("""
                datasets:
                  - name: ml-100k
                    source: movielens-100k
                    preprocess: [{implicit: {min_rating: 4}}, {core: 5}]
                    split: {kfold: {folds: 5, by: user, seed: 42}}
                  - name: synth
                    source: {synthetic: {users: 6040, items: 3706, interactions: 1000000, seed: 1, timestamps: true}}
                    split: {leave_one_out: {by: time}}
                  - name: mine
                    source: {file: data/x.tsv, format: tsv, columns: {user: 0, item: 1, rating: 2, timestamp: 3}, header: false}
                """);
        assertThat(specs).hasSize(3);
        DatasetSpec ml = specs.get(0);
        assertThat(((SourceSpec.Registry) ml.source()).entry().name()).isEqualTo("ml-100k");
        assertThat(ml.preprocess()).containsExactly(new Implicit(4), new Core(5));
        assertThat(ml.split()).isEqualTo(new KFold(5, true, 0, 42));
        assertThat(((SourceSpec.Synthetic) specs.get(1).source()).spec()).isEqualTo(new SyntheticSpec(6040, 3706, 1_000_000, 1, true, false));
        assertThat(specs.get(1).split()).isEqualTo(new LeaveOneOut(LeaveOneOut.Order.TIME, false, 0));
        SourceSpec.File file = (SourceSpec.File) specs.get(2).source();
        assertThat(file.path()).isEqualTo(Path.of("plans/data/x.tsv"));
        assertThat(file.format().format()).isEqualTo(DataFormat.TSV);
        assertThat(file.format().timestamp()).isEqualTo(Column.at(3));
        assertThat(specs.get(2).split()).isNull();
    }

    @Test
    void parses_every_step_and_split_kind() {
        List<DatasetSpec> s = parse("""
                datasets:
                  - {name: a, source: ml-1m, preprocess: [{rating: {min: 2, max: 4.5}}, {time: {from: 10, to: 20}}, {subsample: {fraction: 0.5, seed: 3}}, {core: {k: 2}}],
                     split: {holdout: {fraction: 0.2, seed: 1, validation: 0.1}}}
                  - {name: b, source: ml-1m, split: {holdout: {fraction: 0.2, by: user, seed: 1}}}
                  - {name: c, source: ml-1m, split: {holdout: {fraction: 0.25, by: time}}}
                  - {name: d, source: ml-1m, split: {holdout: {at: 978300000, by: global_time}}}
                  - {name: e, source: ml-1m, split: {kfold: {folds: 3, seed: 9, validation: 0.1}}}
                  - {name: f, split: {predefined: {train: tr.csv, test: te.csv, validation: va.csv, header: true, columns: {user: u, item: i}}}}
                  - {name: g, source: ml-1m, preprocess: [{subsample: {n: 100, seed: 1}}], split: {leave_one_out: {by: random, seed: 2, validation: true}}}
                """);
        assertThat(s.get(0).preprocess()).containsExactly(new RatingFilter(2f, 4.5f), new TimeFilter(10L, 20L),
                new Subsample(null, 0.5, 3), new Core(2));
        assertThat(s.get(0).split()).isEqualTo(new RandomHoldout(0.2, 0.1, 1));
        assertThat(s.get(1).split()).isEqualTo(new UserHoldout(0.2, 0, 1));
        assertThat(s.get(2).split()).isEqualTo(new UserTemporalHoldout(0.25, 0));
        assertThat(s.get(3).split()).isEqualTo(new GlobalTemporalHoldout(null, 978300000L, 0));
        assertThat(s.get(4).split()).isEqualTo(new KFold(3, false, 0.1, 9));
        Predefined p = (Predefined) s.get(5).split();
        assertThat(s.get(5).source()).isNull();
        assertThat(p.validation()).isEqualTo(Path.of("plans/va.csv"));
        assertThat(p.format().user()).isEqualTo(Column.named("u"));
        assertThat(p.format().rating()).isNull();
        assertThat(s.get(6).split()).isEqualTo(new LeaveOneOut(LeaveOneOut.Order.RANDOM, true, 2));
    }

    @Test
    void wrong_type_names_file_line_key_path_value_and_allowed() {
        fails("""
                datasets:
                  - name: ml
                    source: ml-100k
                    split:
                      kfold: {folds: five, seed: 1}
                """, "plans/p.yaml:5: datasets[0].split.kfold.folds: 'five' is a string, expected an integer; allowed: integer >= 2");
    }

    @Test
    void too_few_folds_and_bad_fractions_are_rejected_with_their_place() {
        fails("datasets:\n  - {name: a, source: ml-1m, split: {kfold: {folds: 1, seed: 1}}}\n",
                "p.yaml:2: datasets[0].split.kfold.folds: 1 is too small; allowed: integer >= 2");
        fails("datasets:\n  - {name: a, source: ml-1m, split: {holdout: {fraction: 1.5, seed: 1}}}\n",
                "datasets[0].split.holdout.fraction: 1.5 is outside (0, 1)");
        fails("datasets:\n  - {name: a, source: ml-1m, split: {holdout: {fraction: 0.5, validation: 0.5, seed: 1}}}\n",
                "leaves no training data");
    }

    @Test
    void unknown_keys_and_kinds_list_the_allowed_set() {
        fails("datasets:\n  - {name: a, source: ml-1m, splt: {}}\n",
                "p.yaml:2: datasets[0]: 'splt' is not a known key; allowed: name, source, preprocess, split");
        fails("datasets:\n  - {name: a, source: ml-1m, split: {bootstrap: {}}}\n",
                "datasets[0].split: 'bootstrap' is not a known key; allowed: holdout, leave_one_out, kfold, predefined");
        fails("datasets:\n  - {name: a, source: ml-1m, preprocess: [{dedupe: 1}]}\n",
                "datasets[0].preprocess[0]: 'dedupe' is not a known key; allowed: implicit, core, rating, time, subsample");
        fails("datasets:\n  - {name: a, source: {database: x}}\n",
                "datasets[0].source: 'database' is not a known key; allowed: synthetic, file");
        fails("datasets:\n  - {name: a, source: netflix}\n",
                "datasets[0].source: 'netflix' is not a known dataset; allowed: ml-100k, ml-1m");
        fails("datasets:\n  - {name: a, source: ml-1m, split: {holdout: {fraction: 0.2, by: item, seed: 1}}}\n",
                "datasets[0].split.holdout.by: 'item' is not allowed; allowed: random, user, time, global_time");
    }

    @Test
    void missing_pieces_are_named() {
        fails("datasets:\n  - {name: a}\n", "datasets[0]: 'a' has no source");
        fails("datasets:\n  - {source: ml-1m}\n", "datasets[0]: has no name");
        fails("datasets:\n  - {name: a, source: ml-1m, split: {holdout: {fraction: 0.2}}}\n", "datasets[0].split.holdout: needs a seed");
        fails("datasets:\n  - {name: a, source: {file: x.bin}}\n", "datasets[0].source.format: is needed");
        fails("datasets:\n  - {name: a, source: {file: x.tsv, columns: {user: u, item: 1}}}\n",
                "datasets[0].source.columns.user: 'u' names a column but the file has no header");
        fails("datasets:\n  - {name: a, source: ml-1m}\n  - {name: a, source: ml-1m}\n",
                "p.yaml:3: datasets[1].name: 'a' is already used by datasets[0]");
        fails("datasets: {name: a}\n", "p.yaml:1: datasets: is a mapping, expected a list");
    }
}
