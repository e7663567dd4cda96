package dev.retort.cli;

import dev.retort.engine.Goal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code retort plot}: real runs drawn as PNG and SVG, read back and checked for their series. */
class PlotCommandTest {
    @TempDir
    static Path tmp;
    static Path generic;
    static Path rec;

    @BeforeAll
    static void run_the_plans() throws Exception {
        Path g = Files.writeString(tmp.resolve("pareto.yaml"), """
                experiment: plot-generic
                objective: {class: dev.retort.cli.ParetoObjective}
                space: {lr: [0.001, 0.01, 0.1, 1.0], opt: [adam, sgd], seed: [1, 2, 3]}
                metric: {name: value, goal: minimize}
                """);
        generic = tmp.resolve("generic");
        Cli.Result r = Cli.run("run", g.toString(), "--dir", generic.toString(), "--threads", "--workers", "2", "--no-progress");
        assertThat(r.code()).as(r.toString()).isZero();
        Path p = Files.writeString(tmp.resolve("rec.yaml"), LatexTablesTest.REC_PLAN.replace("latex-rec", "plot-rec")
                .replace("metrics: [ndcg@10, hr@10]", "metrics: [ndcg@5, ndcg@10, ndcg@20, hr@10]"));
        rec = tmp.resolve("rec");
        Cli.Result rr = Cli.run("run", p.toString(), "--dir", rec.toString(), "--threads", "--workers", "2", "--no-progress");
        assertThat(rr.code()).as(rr.toString()).isZero();
    }

    static Path plot(Path dir, String out, String... flags) {
        String[] args = new String[4 + flags.length];
        args[0] = "plot";
        args[1] = dir.toString();
        args[2] = "-o";
        args[3] = tmp.resolve(out).toString();
        System.arraycopy(flags, 0, args, 4, flags.length);
        Cli.Result r = Cli.run(args);
        assertThat(r.code()).as(r.toString()).isZero();
        return tmp.resolve(out);
    }

    /** How many of the palette's colours, from the first, the picture shows: its series count. */
    static int seriesColours(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).as(png + " reads as an image").isNotNull();
        assertThat(img.getWidth()).isEqualTo(Plots.WIDTH);
        assertThat(img.getHeight()).isEqualTo(Plots.HEIGHT);
        int n = 0;
        for (Color c : Plots.PALETTE) {
            int count = 0;
            for (int y = 0; y < img.getHeight(); y++)
                for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xffffff) == (c.getRGB() & 0xffffff)) count++;
            if (count < 10) break;
            n++;
        }
        return n;
    }

    /**
     * The SVG parsed as XML (root svg, 800x500): how many of the palette's colours, from the first, its
     * elements' styles use (the series count), and its title and desc must say {@code words}.
     */
    static int svgSeries(Path svg, String... words) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document d = f.newDocumentBuilder().parse(svg.toFile());
        Element root = d.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 800 500");
        String meta = d.getElementsByTagName("title").item(0).getTextContent() + " " + d.getElementsByTagName("desc").item(0).getTextContent();
        assertThat(meta).contains(words);
        NodeList all = d.getElementsByTagName("*");
        List<String> styles = new java.util.ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) styles.add(((Element) all.item(i)).getAttribute("style"));
        int n = 0;
        for (Color c : Plots.PALETTE) {
            String rgb = "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
            if (styles.stream().noneMatch(st -> st.contains(rgb))) break;
            n++;
        }
        return n;
    }

    @Test
    void history_draws_every_trial_and_the_best_so_far_as_two_series_in_png_and_svg() throws Exception {
        Path dir = plot(generic, "h", "--kind", "history");
        assertThat(seriesColours(dir.resolve("history.png"))).isEqualTo(2);
        assertThat(svgSeries(dir.resolve("history.svg"), "trials", "best so far", "Optimisation history")).isEqualTo(2);
    }

    @Test
    void parameter_draws_one_chart_per_parameter_but_the_seed_with_categories_by_name() throws Exception {
        Path dir = plot(generic, "p", "--kind", "parameter");
        try (var s = Files.list(dir)) {
            assertThat(s.map(f -> f.getFileName().toString()).sorted().toList())
                    .containsExactly("parameter-lr.png", "parameter-lr.svg", "parameter-opt.png", "parameter-opt.svg");
        }
        assertThat(seriesColours(dir.resolve("parameter-lr.png"))).isEqualTo(1);
        assertThat(svgSeries(dir.resolve("parameter-opt.svg"), "value against opt")).isEqualTo(1);
    }

    @Test
    void folds_draws_one_box_per_configuration_for_each_dataset() throws Exception {
        Path dir = plot(rec, "f", "--kind", "folds", "--metric", "hr@10");
        // XChart draws every box alike (blue outline, red median): count the medians
        BufferedImage img = ImageIO.read(dir.resolve("folds-cv_small.png").toFile());
        boolean[] red = new boolean[img.getWidth()];
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xffffff) == 0xff0000) red[x] = true;
        int runs = 0;
        for (int x = 0; x < red.length; x++) if (red[x] && (x == 0 || !red[x - 1])) runs++;
        assertThat(runs).as("median lines side by side").isEqualTo(3);
        svgSeries(dir.resolve("folds-cv_small.svg"), "algorithm=MostPopular", "algorithm=ItemKNN k=5", "hr@10");
        String svg = Files.readString(dir.resolve("folds-cv_small.svg"));
        assertThat(svg.split("stroke:rgb\\(255,0,0\\)", -1).length - 1).as("median strokes").isEqualTo(3);
    }

    @Test
    void cutoffs_draws_one_curve_per_configuration_across_the_metrics_cut_offs() throws Exception {
        Path dir = plot(rec, "c", "--kind", "cutoffs", "--metric", "ndcg@10");
        assertThat(seriesColours(dir.resolve("cutoffs-ndcg-cv_small.png"))).as("MostPopular, ItemKNN k=5, k=10").isEqualTo(3);
        assertThat(svgSeries(dir.resolve("cutoffs-ndcg-cv_small.svg"), "ndcg@k across cut-offs", "algorithm=MostPopular",
                "algorithm=ItemKNN k=5", "algorithm=ItemKNN k=10")).isEqualTo(3);
        Cli.Result one = Cli.run("plot", rec.toString(), "-o", tmp.resolve("c1").toString(), "--kind", "cutoffs", "--metric", "hr@10");
        assertThat(one.code()).isEqualTo(2);
        assertThat(one.err()).contains("--metric", "hr@10", "one cut-off only (@10)", "two or more k").doesNotContain("\tat ");
        assertThat(tmp.resolve("c1")).doesNotExist();
    }

    @Test
    void pareto_draws_the_trials_and_their_front_as_two_series() throws Exception {
        Path dir = plot(generic, "pf", "--kind", "pareto", "--versus", "cost");
        assertThat(seriesColours(dir.resolve("pareto.png"))).isEqualTo(2);
        assertThat(svgSeries(dir.resolve("pareto.svg"), "Pareto front", "cost")).isEqualTo(2);
    }

    @Test
    void the_front_keeps_exactly_the_points_no_other_beats_on_both_metrics() {
        // minimise both: (1,5) (2,3) (4,1) are the front; (3,4) is beaten by (2,3), (5,5) by all
        List<double[]> front = Plots.front(List.of(new double[]{3, 4}, new double[]{1, 5}, new double[]{5, 5},
                new double[]{4, 1}, new double[]{2, 3}), Goal.MINIMIZE, Goal.MINIMIZE);
        assertThat(front).extracting(p -> p[0] + "," + p[1]).containsExactly("1.0,5.0", "2.0,3.0", "4.0,1.0");
        List<double[]> maxMin = Plots.front(List.of(new double[]{3, 4}, new double[]{1, 5}, new double[]{4, 1}),
                Goal.MAXIMIZE, Goal.MINIMIZE);
        assertThat(maxMin).extracting(p -> p[0] + "," + p[1]).containsExactly("4.0,1.0");
    }

    @Test
    void a_bad_kind_or_a_pareto_without_its_second_metric_is_a_user_error_naming_the_flag() {
        Cli.Result kind = Cli.run("plot", generic.toString(), "--kind", "pie");
        assertThat(kind.code()).isEqualTo(2);
        assertThat(kind.err()).contains("--kind", "pie", "history, parameter, folds, pareto").doesNotContain("\tat ");
        Cli.Result pareto = Cli.run("plot", generic.toString(), "--kind", "pareto");
        assertThat(pareto.code()).isEqualTo(2);
        assertThat(pareto.err()).contains("--versus", "cost");
        Cli.Result versus = Cli.run("plot", generic.toString(), "--kind", "pareto", "--versus", "speed");
        assertThat(versus.code()).isEqualTo(2);
        assertThat(versus.err()).contains("--versus", "speed", "value", "cost");
    }
}
