package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code retort compare} on real runs: a seeded generic plan worked by hand, and a recommender plan over users and folds. */
class CompareCommandTest {
    @TempDir
    static Path tmp;
    static Path generic;
    static Path rec;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void run_the_plans() throws Exception {
        // value = (shift + 1) * seed: against shift 0 every difference is shift * seed > 0, all different
        Path g = Files.writeString(tmp.resolve("seeds.yaml"), """
                experiment: seeds
                objective: {command: [sh, -c, 'echo "{{\\"value\\": $(( {shift} * {seed} + {seed} ))}}"']}
                space: {shift: [0, 1, 2], seed: [1, 2, 3, 4, 5, 6, 7, 8]}
                metric: {name: value, goal: maximize}
                """);
        generic = tmp.resolve("seeds");
        Cli.Result r = Cli.run("run", g.toString(), "--dir", generic.toString(), "--workers", "2", "--no-progress");
        assertThat(r.code()).as(r.toString()).isZero();
        Path p = Files.writeString(tmp.resolve("rec.yaml"), """
                experiment: cmp-rec
                datasets:
                  - name: cv
                    source: {synthetic: {users: 300, items: 120, interactions: 6000, seed: 3}}
                    split: {kfold: {folds: 3, by: user, seed: 42}}
                algorithms:
                  MostPopular: {}
                  ItemKNN: {k: [5, 20]}
                metrics: [ndcg@10, hr@10]
                """);
        rec = tmp.resolve("rec");
        Cli.Result rr = Cli.run("run", p.toString(), "--dir", rec.toString(), "--threads", "--workers", "2", "--no-progress");
        assertThat(rr.code()).as(rr.toString()).isZero();
    }

    static Cli.Result compare(Path dir, String... flags) {
        List<String> args = new ArrayList<>(List.of("compare", dir.toString()));
        args.addAll(List.of(flags));
        return Cli.run(args.toArray(String[]::new));
    }

    static JsonNode json(Path dir, String... flags) throws IOException {
        List<String> f = new ArrayList<>(List.of(flags));
        f.addAll(List.of("--format", "json"));
        Cli.Result r = compare(dir, f.toArray(String[]::new));
        assertThat(r.code()).as(r.toString()).isZero();
        return JSON.readTree(r.out());
    }

    @Test
    void eight_seeds_all_better_give_the_exact_wilcoxon_p_and_holm_doubles_it_as_worked_by_hand() throws Exception {
        JsonNode rows = json(generic, "--baseline", "shift=0");
        assertThat(rows).hasSize(2);
        for (JsonNode row : rows) {
            assertThat(row.get("pairs").asInt()).isEqualTo(8);
            // all 8 differences positive: W+ = 36, exact two-sided p = 2 / 2^8
            assertThat(row.get("w_plus").asDouble()).isEqualTo(36.0);
            assertThat(row.get("p").asDouble()).isCloseTo(2.0 / 256, within(1e-15));
            // m = 2, both p equal: 2p, then max(2p, p) = 2p
            assertThat(row.get("p_holm").asDouble()).isCloseTo(4.0 / 256, within(1e-15));
            assertThat(row.get("sig").asText()).isEqualTo("†");
            assertThat(row.get("r_rb").asDouble()).isEqualTo(1.0);
            assertThat(row.get("baseline_mean").asDouble()).isEqualTo(4.5);
        }
        assertThat(rows.get(0).get("configuration").asText()).isEqualTo("shift=1");
        assertThat(rows.get(0).get("mean").asDouble()).isEqualTo(9.0);
        assertThat(rows.get(1).get("delta").asDouble()).isEqualTo(9.0);
    }

    @Test
    void the_t_test_on_the_same_pairs_is_far_smaller_and_marked_double_dagger() throws Exception {
        // differences 1..8 (shift 1): mean 4.5, sd 2.449..., t = 5.196..., p ~ 0.00126; Holm x2 still < 0.01
        JsonNode rows = json(generic, "--baseline", "shift=0", "--test", "ttest", "--over", "seed");
        JsonNode one = rows.get(0);
        assertThat(one.get("t").asDouble()).isCloseTo(4.5 / (Math.sqrt(6.0) / Math.sqrt(8)), within(1e-12));
        assertThat(one.get("d_z").asDouble()).isCloseTo(4.5 / Math.sqrt(6.0), within(1e-12));
        assertThat(one.get("p_holm").asDouble()).isLessThan(0.01);
        assertThat(one.get("sig").asText()).isEqualTo("‡");
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "csv", "json", "markdown", "latex"})
    void every_format_of_the_comparison_matches_its_golden_file_under_two_locales(String format) throws Exception {
        String ext = switch (format) {
            case "table" -> "txt";
            case "markdown" -> "md";
            case "latex" -> "tex";
            default -> format;
        };
        GoldenFiles.check("compare." + ext, () -> {
            Cli.Result r = compare(generic, "--baseline", "shift=0", "--format", format);
            assertThat(r.code()).as(r.toString()).isZero();
            return r.out();
        });
    }

    @Test
    void markers_are_shown_after_the_mean_and_in_latex_as_superscripts() {
        String text = compare(generic, "--baseline", "shift=0").out();
        assertThat(text).contains("9.0†", "Holm-Bonferroni over 2 comparisons", "† p_holm < 0.05", "‡ p_holm < 0.01");
        String tex = compare(generic, "--baseline", "shift=0", "--format", "latex").out();
        assertThat(tex).contains("9.0000\\textsuperscript{\\dag}").contains("\\toprule");
    }

    @Test
    void recommender_comparisons_pair_every_evaluated_user_of_every_fold_from_the_saved_per_user_values() throws Exception {
        JsonNode rows = json(rec, "--baseline", "algorithm=MostPopular", "--metric", "ndcg@10");
        assertThat(rows).hasSize(2);
        long users = sum("SELECT json_extract(result_json, '$.users_evaluated') FROM trial WHERE config_json LIKE '%MostPopular%'");
        assertThat(users).isGreaterThan(250);
        for (JsonNode row : rows) {
            assertThat(row.get("dataset").asText()).isEqualTo("cv");
            assertThat(row.get("pairs").asLong()).isEqualTo(users);
            assertThat(row.get("p").asDouble()).isBetween(0.0, 1.0);
            assertThat(row.get("p_holm").asDouble()).isGreaterThanOrEqualTo(row.get("p").asDouble());
        }
        // the baseline mean over users is the mean of the folds' stored metrics weighted by their users
        double weighted = sum("SELECT json_extract(result_json, '$.\"ndcg@10\"') * json_extract(result_json, '$.users_evaluated') * 1e9"
                + " FROM trial WHERE config_json LIKE '%MostPopular%'") / 1e9;
        assertThat(rows.get(0).get("baseline_mean").asDouble()).isCloseTo(weighted / users, within(1e-6));
        JsonNode folds = json(rec, "--baseline", "algorithm=MostPopular", "--over", "folds", "--test", "ttest");
        assertThat(folds.get(0).get("pairs").asInt()).isEqualTo(3);
    }

    @Test
    void each_per_user_file_holds_every_evaluated_user_and_its_mean_is_the_stored_metric() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(rec)) {
            files = s.filter(f -> f.getFileName().toString().equals("per_user.bin")).sorted().toList();
        }
        assertThat(files).hasSize(9);
        for (Path f : files) {
            try (DataInputStream in = new DataInputStream(Files.newInputStream(f))) {
                assertThat(in.readInt()).isEqualTo(0x52505531);
                int m = in.readInt();
                List<String> names = new ArrayList<>();
                for (int i = 0; i < m; i++) names.add(in.readUTF());
                assertThat(names).containsExactly("ndcg@10", "hr@10");
                int n = in.readInt();
                for (int i = 0; i < n; i++) in.readInt();
                double ndcg = 0;
                for (int i = 0; i < n; i++) {
                    ndcg += in.readDouble();
                    in.readDouble();
                }
                JsonNode metrics = JSON.readTree(f.resolveSibling("metrics.json").toFile());
                assertThat(n).isEqualTo(metrics.get("users_evaluated").asInt());
                assertThat(ndcg / n).isCloseTo(metrics.get("ndcg@10").asDouble(), within(1e-12));
                assertThat(metrics.get("per_user").asText()).endsWith("/per_user.bin");
                assertThat(rec.resolve(metrics.get("per_user").asText())).isEqualTo(f);
            }
        }
    }

    @Test
    void a_bad_baseline_test_or_unit_is_one_message_naming_the_flag_the_value_and_what_is_allowed() {
        Cli.Result key = compare(rec, "--baseline", "algoritm=MostPopular");
        assertThat(key.code()).isEqualTo(2);
        assertThat(key.err()).contains("--baseline", "algoritm=MostPopular", "algorithm", "k").doesNotContain("\tat ");
        Cli.Result many = compare(rec, "--baseline", "algorithm=ItemKNN");
        assertThat(many.code()).isEqualTo(2);
        assertThat(many.err()).contains("--baseline", "matches 2 configurations", "algorithm=ItemKNN k=5", "algorithm=ItemKNN,k=20");
        Cli.Result none = compare(rec, "--baseline", "algorithm=EASE");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("matches no configuration", "algorithm=MostPopular");
        Cli.Result test = compare(rec, "--baseline", "algorithm=MostPopular", "--test", "anova");
        assertThat(test.code()).isEqualTo(2);
        assertThat(test.err()).contains("--test", "anova", "wilcoxon, ttest");
        Cli.Result over = compare(generic, "--baseline", "shift=0", "--over", "users");
        assertThat(over.code()).isEqualTo(2);
        assertThat(over.err()).contains("--over", "users", "seed, shift");
        Cli.Result metric = compare(generic, "--baseline", "shift=0", "--metric", "loss");
        assertThat(metric.code()).isEqualTo(2);
        assertThat(metric.err()).contains("--metric", "loss", "value");
        for (Cli.Result r : List.of(key, many, none, test, over, metric)) assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
    }

    static long sum(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + rec.resolve("retort.db"));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            long s = 0;
            while (rs.next()) s += Math.round(rs.getDouble(1));
            return s;
        }
    }
}
