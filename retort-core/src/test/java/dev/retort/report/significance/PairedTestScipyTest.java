package dev.retort.report.significance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paired tests equal scipy's to 1e-12 on fixed vectors ({@code vectors.json}): always against
 * {@code scipy-golden.json} (made by {@code bench/scipy_significance.py}), and, where a Python with scipy is
 * installed, against the script run now as a child process. The run says on stderr which it did.
 */
class PairedTestScipyTest {
    static final double TOL = 1e-12;
    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode resource(String name) throws IOException {
        try (InputStream in = PairedTestScipyTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return JSON.readTree(in);
        }
    }

    static double[] array(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = a.get(i).asDouble();
        return v;
    }

    /** Java's values for every case against {@code expected}'s, statistic, p and effect, to 1e-12. */
    static void assertMatches(JsonNode expected) throws IOException {
        JsonNode cases = resource("vectors.json").get("cases");
        assertThat(expected.get("cases")).hasSize(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            JsonNode c = cases.get(i), e = expected.get("cases").get(i);
            assertThat(e.get("name").asText()).isEqualTo(c.get("name").asText());
            for (PairedTest t : PairedTest.values()) {
                PairedResult r = t.test(array(c.get("x")), array(c.get("y")));
                JsonNode v = e.get(t.flag());
                String what = c.get("name").asText() + " " + t.flag();
                assertThat(r.p()).as(what + " p").isCloseTo(v.get("p").asDouble(), org.assertj.core.data.Offset.offset(TOL));
                assertThat(r.statistic()).as(what + " statistic")
                        .isCloseTo(v.get("statistic").asDouble(), org.assertj.core.data.Offset.offset(TOL * Math.max(1, Math.abs(r.statistic()))));
                assertThat(r.effect()).as(what + " effect").isCloseTo(v.get("effect").asDouble(), org.assertj.core.data.Offset.offset(TOL));
            }
        }
    }

    @Test
    void p_values_statistics_and_effect_sizes_equal_the_golden_scipy_values() throws IOException {
        JsonNode golden = resource("scipy-golden.json");
        assertThat(golden.get("cases")).hasSizeGreaterThanOrEqualTo(5);
        assertMatches(golden);
    }

    @Test
    void p_values_equal_those_of_scipy_run_now_where_scipy_is_installed() throws Exception {
        String python = pythonWithScipy();
        if (python == null) {
            // the golden values (the test above) still check every number; say plainly that live scipy did not run
            System.err.println("PairedTestScipyTest: no python3 with scipy on this machine (apt-get install python3-scipy);"
                    + " compared with scipy-golden.json only");
            assertMatches(resource("scipy-golden.json"));
            return;
        }
        Path vectors = Files.createTempFile("vectors", ".json");
        try (InputStream in = PairedTestScipyTest.class.getResourceAsStream("vectors.json")) {
            Files.write(vectors, in.readAllBytes());
        }
        Process p = new ProcessBuilder(python, ROOT.resolve("bench/scipy_significance.py").toString(), vectors.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        JsonNode live = JSON.readTree(out);
        System.err.println("PairedTestScipyTest: compared with scipy " + live.get("scipy").asText() + " run by " + python);
        assertMatches(live);
        Files.delete(vectors);
    }

    /** The first of python3 (PATH) and /usr/bin/python3 that imports scipy, or null. */
    static String pythonWithScipy() throws InterruptedException {
        List<String> candidates = new ArrayList<>(List.of("python3", "/usr/bin/python3"));
        for (String py : candidates) {
            try {
                Process p = new ProcessBuilder(py, "-c", "import scipy.stats").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) return py;
            } catch (IOException e) {
                // not installed: try the next
            }
        }
        return null;
    }
}
