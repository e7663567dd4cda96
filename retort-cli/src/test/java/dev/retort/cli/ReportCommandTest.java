package dev.retort.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code retort report}: one self-contained HTML file, its structure sealed by a golden file, on real experiments. */
class ReportCommandTest {
    @TempDir
    static Path tmp;
    static Path fixture;
    static Path run;

    @BeforeAll
    static void experiments() throws Exception {
        fixture = ExportFixture.create(tmp);
        Path plan = Files.writeString(tmp.resolve("some-fail.yaml"), """
                experiment: some-fail
                objective: {command: [sh, -c, 'if [ {a} = 2 ]; then echo "line one" >&2; echo "boom <b> & more" >&2; exit 4; fi; echo "{{\\"value\\": {a}, \\"loss\\": {seed}}}"']}
                space: {a: [1, 2, 3, 4], seed: [1, 2]}
                """);
        run = tmp.resolve("some-fail");
        Cli.Result r = Cli.run("run", plan.toString(), "--dir", run.toString(), "--workers", "2", "--no-progress");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
    }

    static String report(Path dir) throws Exception {
        Path out = tmp.resolve(dir.getFileName() + ".html");
        Cli.Result r = Cli.run("report", dir.toString(), "-o", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("wrote " + out);
        return Files.readString(out);
    }

    /** The volatile parts masked: when and where it was generated, and the drawings (checked elsewhere). */
    static String masked(String html) {
        return html.replaceAll("(?s)<svg .*?</svg>", "<svg><!-- masked --></svg>")
                .replaceAll("generated \\S+ from [^<]+<", "generated <time> from <dir><");
    }

    static Document xml(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> ids(Document d, String tag) {
        List<String> out = new ArrayList<>();
        NodeList n = d.getElementsByTagName(tag);
        for (int i = 0; i < n.getLength(); i++) out.add(((Element) n.item(i)).getAttribute("id"));
        return out;
    }

    @Test
    void the_structure_matches_its_golden_file_with_volatile_parts_masked_under_two_locales() throws Exception {
        GoldenFiles.check("report.html", () -> {
            try {
                return masked(report(fixture));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void the_report_is_one_file_that_needs_no_network_and_parses_as_xml() throws Exception {
        String html = report(run);
        // nothing to fetch: no src, no link, no import; the SVGs' only references are to their own ids (#clip...)
        String noNamespaces = html.replaceAll("xmlns(:\\w+)?=\"[^\"]*\"", ""); // namespace names are not fetched
        assertThat(noNamespaces).doesNotContain("src=", "@import", "<link", "<iframe", "http:", "https:");
        assertThat(html).doesNotContainPattern("href=\"[^#]").doesNotContainPattern("url\\([^#]");
        assertThat(html.split("<script", -1).length - 1).isEqualTo(1);
        Document d = xml(html);
        assertThat(ids(d, "section")).containsExactly("summary", "manifest", "results", "plots", "failed");
        // the plots are inline SVG: history, and one per parameter but the seed; seeds make a folds box plot
        assertThat(ids(d, "figure")).containsExactly("plot-history", "plot-parameter-a", "plot-folds");
        assertThat(d.getElementsByTagName("svg").getLength()).isEqualTo(3);
    }

    @Test
    void the_manifest_summary_and_the_failed_trials_error_tails_are_shown() throws Exception {
        String html = report(run);
        assertThat(html).contains("<dt>plan</dt><dd>some-fail.yaml (sha256 ", "<dt>finished</dt>", "6 DONE", "2 FAILED");
        // both failed trials, each with its error's tail, escaped
        assertThat(html).contains("id=\"failed-3\"", "id=\"failed-4\"", "boom &lt;b&gt; &amp; more", "2 FAILED;");
        // the results table: every DONE trial, sortable, numbers with their exact value for sorting
        Document d = xml(html);
        Element table = (Element) d.getElementsByTagName("table").item(1);
        assertThat(table.getAttribute("class")).isEqualTo("sortable");
        assertThat(table.getElementsByTagName("tbody").item(0).getChildNodes().getLength()).isGreaterThanOrEqualTo(6);
        assertThat(html).contains("<td class=\"n\">1.0</td>");
    }

    @Test
    void a_rounded_number_keeps_its_exact_value_for_sorting() throws Exception {
        String html = report(fixture);
        assertThat(html).contains("<td class=\"n\" data-v=\"1234567.891\">1.2346e+06</td>", "<td class=\"n\">0.25</td>");
    }

    @Test
    void without_a_manifest_the_section_is_left_out_and_stdout_works_too() {
        Cli.Result r = Cli.run("report", fixture.toString(), "-o", "-");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("<!DOCTYPE html>").doesNotContain("id=\"manifest\"").contains("id=\"failed-2\"");
    }
}
