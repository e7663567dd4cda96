package dev.retort.rec.data.spec;

import dev.retort.PlanException;
import dev.retort.rec.test.TestData;
import dev.retort.rec.data.registry.Downloader;
import dev.retort.rec.data.registry.Registry;
import dev.retort.rec.preprocess.StepReport;
import dev.retort.rec.split.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetMaterializerTest {
    @TempDir
    Path dir;

    private DatasetSpec spec(String yaml) throws IOException {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, yaml);
        MappingNode root = (MappingNode) new Yaml().compose(new StringReader(yaml));
        return DatasetSpecParser.parse(root.getValue().get(0).getValueNode(), plan.toString()).get(0);
    }

    @Test
    void file_source_is_loaded_canonicalised_preprocessed_and_split() throws IOException {
        // the (a, x) pair appears twice; the later timestamp (rating 5) wins
        Files.writeString(dir.resolve("x.tsv"), "a\tx\t2\t1\na\ty\t5\t2\nb\tx\t4\t3\nb\ty\t4\t4\na\tx\t5\t9\nc\tz\t5\t5\n");
        DatasetSpec s = spec("""
                datasets:
                  - name: mine
                    source: {file: x.tsv, columns: {user: 0, item: 1, rating: 2, timestamp: 3}}
                    preprocess: [{implicit: {min_rating: 4}}, {core: 2}]
                    split: {leave_one_out: {by: time}}
                """);
        Materialized m = DatasetMaterializer.load(s, dir.resolve("cache"));
        assertThat(m.rowsRead()).isEqualTo(6);
        assertThat(m.duplicatesDropped()).isEqualTo(1);
        // after dedupe, sorted by (user, item): a x, a y, b x, b y, c z; implicit(4) keeps all 5; core(2) drops c z
        assertThat(m.preprocess()).containsExactly(
                new StepReport("implicit(min_rating=4.0)", 5, 5, 3, 3, 3, 3),
                new StepReport("core(2)", 5, 4, 3, 2, 3, 2));
        assertThat(TestData.pairs(m.data())).containsExactly("a x", "a y", "b x", "b y");
        List<Split> splits = s.split().apply(m.data());
        assertThat(TestData.pairs(splits.get(0).train())).containsExactlyInAnyOrder("a y", "b x");
        assertThat(TestData.pairs(splits.get(0).test())).containsExactlyInAnyOrder("b y", "a x");
    }

    @Test
    void registry_source_is_read_from_a_verified_cache_without_network() throws IOException {
        Path cache = dir.resolve("cache");
        Path ds = Files.createDirectories(cache.resolve("ml-100k/ml-100k"));
        Files.writeString(ds.resolve("u.data"), "196\t242\t3\t881250949\n186\t302\t3\t891717742\n");
        Files.writeString(cache.resolve("ml-100k").resolve(Downloader.MARKER),
                "sha256=" + Registry.find("ml-100k").orElseThrow().sha256() + "\nurl=test\n");
        Materialized m = DatasetMaterializer.load(spec("datasets:\n  - {name: ml, source: movielens-100k}\n"), cache);
        assertThat(m.data().size()).isEqualTo(2);
        assertThat(m.preprocess()).isEmpty();
    }

    @Test
    void predefined_split_without_source_uses_the_union_of_its_files() throws IOException {
        Files.writeString(dir.resolve("tr.tsv"), "1\t10\n1\t20\n2\t10\n2\t20\n");
        Files.writeString(dir.resolve("te.tsv"), "1\t30\n2\t10\n");
        DatasetSpec s = spec("datasets:\n  - {name: p, split: {predefined: {train: tr.tsv, test: te.tsv, columns: {user: 0, item: 1}}}}\n");
        assertThatThrownBy(() -> s.split().apply(DatasetMaterializer.load(s, dir).data()))
                .isInstanceOf(PlanException.class).hasMessageContaining("also listed in another part");
        Files.writeString(dir.resolve("te.tsv"), "1\t30\n3\t10\n");
        Materialized m = DatasetMaterializer.load(s, dir);
        assertThat(m.data().size()).isEqualTo(6);
        assertThat(m.data().numItems()).isEqualTo(3);
        Split split = s.split().apply(m.data()).get(0);
        assertThat(split.train().size()).isEqualTo(4);
        assertThat(split.test().size()).isZero(); // item 30 and user 3 are unseen in train
    }

    @Test
    void a_step_that_empties_the_data_names_dataset_and_step() throws IOException {
        Files.writeString(dir.resolve("x.tsv"), "a\tx\t2\t1\n");
        DatasetSpec s = spec("datasets:\n  - {name: tiny, source: {file: x.tsv}, preprocess: [{core: 2}]}\n");
        assertThatThrownBy(() -> DatasetMaterializer.load(s, dir)).isInstanceOf(PlanException.class)
                .hasMessageContaining("dataset 'tiny'").hasMessageContaining("preprocess[0]").hasMessageContaining("core(2)");
    }
}
