package dev.retort.rec.algo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/recsys.md's table of algorithms states every parameter and default exactly as the code declares them. */
class DocumentedDefaultsTest {
    private static final Pattern ROW = Pattern.compile("^\\| ((?:`\\w+`(?:, )?)+)[^|]*\\| (.*) \\|$");
    private static final Pattern PARAM = Pattern.compile("`(\\w+)` \\(([^;)]+)");

    @Test
    void the_documented_parameters_and_defaults_match_the_declared_ones_for_every_algorithm() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../docs/recsys.md"));
        Map<String, Map<String, String>> documented = new HashMap<>();
        for (String line : lines) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) continue;
            Map<String, String> params = new HashMap<>();
            Matcher p = PARAM.matcher(row.group(2));
            while (p.find()) params.put(p.group(1), p.group(2).trim());
            for (String name : row.group(1).replace("`", "").split(", ")) documented.put(name, params);
        }
        for (String name : Algorithms.names()) {
            assertThat(documented).as("docs/recsys.md documents " + name).containsKey(name);
            Map<String, String> expected = new HashMap<>();
            Algorithms.defaults(name).forEach((k, v) -> expected.put(k, show(v)));
            Map<String, String> doc = new HashMap<>();
            documented.get(name).forEach((k, v) -> doc.put(k, normalise(v)));
            assertThat(doc).as(name).isEqualTo(expected);
        }
    }

    private static String show(Object v) {
        return v instanceof Number n ? normalise(n.toString()) : v.toString();
    }

    private static String normalise(String v) {
        try {
            double d = Double.parseDouble(v);
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        } catch (NumberFormatException e) {
            return v;
        }
    }
}
