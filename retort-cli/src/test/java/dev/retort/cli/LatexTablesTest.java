package dev.retort.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code retort results --format latex} on real runs: golden files under two locales, ranks, escapes, precision. */
class LatexTablesTest {
    @TempDir
    static Path tmp;
    static Path generic;
    static Path rec;

    static final String REC_PLAN = """
            experiment: latex-rec
            datasets:
              - name: cv_small
                source: {synthetic: {users: 200, items: 120, interactions: 4000, seed: 3}}
                split: {kfold: {folds: 2, by: user, seed: 42}}
            algorithms:
              MostPopular: {}
              ItemKNN: {k: [5, 10]}
            metrics: [ndcg@10, hr@10]
            """;

    @BeforeAll
    static void run_the_plans() throws Exception {
        Path g = Files.writeString(tmp.resolve("generic.yaml"), """
                experiment: latex-generic
                objective: {command: [sh, -c, 'echo "{{\\"value\\": {x}}}"']}
                space: {x: [3, 1, 2], my_tag: ['a&b', '50%_~^#']}
                metric: {name: value, goal: minimize}
                """);
        generic = tmp.resolve("generic");
        Cli.Result r = Cli.run("run", g.toString(), "--dir", generic.toString(), "--workers", "2", "--no-progress");
        assertThat(r.code()).as(r.toString()).isZero();
        Path p = Files.writeString(tmp.resolve("rec.yaml"), REC_PLAN);
        rec = tmp.resolve("rec");
        Cli.Result rr = Cli.run("run", p.toString(), "--dir", rec.toString(), "--threads", "--workers", "2", "--no-progress");
        assertThat(rr.code()).as(rr.toString()).isZero();
    }

    static String latex(Path dir, String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "results";
        args[1] = dir.toString();
        args[2] = "--format=latex";
        System.arraycopy(more, 0, args, 3, more.length);
        Cli.Result r = Cli.run(args);
        assertThat(r.code()).as(r.toString()).isZero();
        return r.out();
    }

    static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    @Test
    void a_generic_plans_latex_table_matches_its_golden_file_under_two_locales() throws Exception {
        // the last column is the real run time of each trial: masked
        GoldenFiles.check("results-generic.tex", () -> latex(generic)
                .replaceAll("(?m)& [0-9.]+ \\\\\\\\$", Matcher.quoteReplacement("& <seconds> \\\\")));
    }

    @Test
    void a_recommender_plans_latex_table_matches_its_golden_file_under_two_locales() throws Exception {
        GoldenFiles.check("results-rec.tex", () -> latex(rec));
        GoldenFiles.check("results-rec-folds.tex", () -> latex(rec, "--folds"));
    }

    @Test
    void tied_best_values_are_all_bold_and_the_second_best_underlined_in_the_metric_column_only() {
        String t = latex(generic);
        // x=1 under both tags is the lowest value: two bold cells, x=2 twice underlined; x=3 plain
        assertThat(count(t, "\\\\textbf\\{1\\.0000\\}")).isEqualTo(2);
        assertThat(count(t, "\\\\underline\\{2\\.0000\\}")).isEqualTo(2);
        assertThat(count(t, "\\\\textbf|\\\\underline")).isEqualTo(4);
        assertThat(t).contains("\\toprule", "\\midrule", "\\bottomrule", "\\begin{tabular}{", "\\end{tabular}");
    }

    @Test
    void names_and_values_are_escaped_for_latex() {
        String t = latex(generic);
        assertThat(t).contains("my\\_tag", "a\\&b", "50\\%\\_\\textasciitilde{}\\textasciicircum{}\\#");
        String body = t.substring(t.indexOf("\\midrule"));
        assertThat(body).doesNotContain("a&b").doesNotContain("50%");
    }

    @Test
    void recommender_cells_are_mean_plus_minus_std_and_each_metric_has_one_best_and_one_second() {
        String t = latex(rec);
        assertThat(t).contains("% dataset cv_small: mean ± sample std over folds");
        assertThat(count(t, "\\d\\.\\d{4} \\$\\\\pm\\$ \\d\\.\\d{4}")).isEqualTo(6); // 3 configs x 2 metrics
        assertThat(count(t, "\\\\textbf\\{")).isEqualTo(2);
        assertThat(count(t, "\\\\underline\\{")).isEqualTo(2);
        assertThat(t).doesNotContain("fit", "predict", "ItemKNN-"); // no seconds, no artifact keys
    }

    @Test
    void precision_sets_the_digits_after_the_point() {
        String t = latex(rec, "--precision", "2");
        // a std below 0.005 reads "$<$0.01": too small to show is not zero
        assertThat(count(t, "\\d\\.\\d{2} \\$\\\\pm\\$ (\\$<\\$)?\\d\\.\\d{2}(?!\\d)")).isEqualTo(6);
        assertThat(count(t, "\\d\\.\\d{3}")).isZero();
        assertThat(latex(generic, "--precision", "0")).contains("\\textbf{1}").doesNotContain("1.0");
    }

    @Test
    void a_tex_file_name_picks_latex_and_a_precision_out_of_range_is_a_user_error() throws Exception {
        Path out = tmp.resolve("table.tex");
        Cli.Result w = Cli.run("results", generic.toString(), "-o", out.toString());
        assertThat(w.code()).as(w.toString()).isZero();
        assertThat(Files.readString(out)).isEqualTo(latex(generic));
        Cli.Result bad = Cli.run("results", generic.toString(), "--format", "latex", "--precision", "13");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--precision", "13", "0 to 12").doesNotContain("\tat ");
        Cli.Result fmt = Cli.run("results", generic.toString(), "--format", "pdf");
        assertThat(fmt.code()).isEqualTo(2);
        assertThat(fmt.err()).contains("--format", "pdf", "latex");
    }
}
