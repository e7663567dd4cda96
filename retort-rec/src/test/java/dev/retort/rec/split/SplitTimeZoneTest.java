package dev.retort.rec.split;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Splits and their hashes do not depend on the time zone: the same file split in a JVM under TZ=UTC and in one
 * under TZ=Asia/Tokyo (UTC+9, so local dates differ from UTC dates for a third of the day) gives the same hashes.
 */
class SplitTimeZoneTest {
    @TempDir
    Path tmp;

    @Test
    void split_hashes_are_the_same_under_utc_and_asia_tokyo() throws Exception {
        Path file = tmp.resolve("ratings.dat");
        Random r = new Random(42);
        StringBuilder sb = new StringBuilder();
        long midnightUtc = 978_307_200L; // 2001-01-01T00:00Z, 09:00 in Tokyo
        for (int i = 0; i < 4000; i++) {
            long t = midnightUtc + (r.nextInt(7 * 24 * 3600) - 3 * 24 * 3600); // a week around it, either side of local midnights
            sb.append(1 + r.nextInt(150)).append("::").append(1 + r.nextInt(80)).append("::").append(1 + r.nextInt(5)).append("::").append(t).append('\n');
        }
        Files.writeString(file, sb);

        List<String> utc = hashes(file, "UTC"), tokyo = hashes(file, "Asia/Tokyo");
        assertThat(utc.get(0)).isEqualTo("zone UTC");
        assertThat(tokyo.get(0)).isEqualTo("zone Asia/Tokyo");
        assertThat(utc).hasSizeGreaterThan(10);
        assertThat(tokyo.subList(1, tokyo.size())).containsExactlyElementsOf(utc.subList(1, utc.size()));
    }

    private List<String> hashes(Path file, String zone) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path out = tmp.resolve("hashes-" + zone.replace('/', '-') + ".txt");
        ProcessBuilder pb = new ProcessBuilder(java, "-Duser.timezone=" + zone, "-cp", System.getProperty("java.class.path"),
                SplitHashesMain.class.getName(), file.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("TZ", zone);
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> lines = new ArrayList<>(Files.readAllLines(out));
        assertThat(p.exitValue()).as(String.join("\n", lines)).isZero();
        // the zone, the data hash, and one "spec name hash" line per split (spec records print as Kind[...])
        return lines.stream().filter(l -> l.startsWith("zone ") || l.startsWith("data ") || l.contains("] ")).toList();
    }
}
