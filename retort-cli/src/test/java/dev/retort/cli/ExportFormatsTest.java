package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retort.report.ExportedTrial;
import dev.retort.report.TrialExports;
import dev.retort.store.TrialState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** results and export on {@link ExportFixture}: every format sealed by a golden file, and no value ever hidden. */
class ExportFormatsTest {
    @TempDir
    static Path tmp;
    static String dir;

    @BeforeAll
    static void fixture() throws Exception {
        dir = ExportFixture.create(tmp).toString();
    }

    @ParameterizedTest(name = "{0} --format {1}")
    @CsvSource({"results, table, results.txt", "results, csv, results.csv", "results, json, results.json",
            "results, markdown, results.md", "results, latex, results.tex", "export, table, export.txt", "export, csv, export.csv",
            "export, json, export.json", "export, markdown, export.md"})
    void every_format_matches_its_golden_file_under_two_locales(String command, String format, String golden) throws Exception {
        GoldenFiles.check(golden, () -> {
            Cli.Result r = Cli.run(command, dir, "--format", format);
            assertThat(r.code()).as(r.toString()).isIn(0, 1);
            return r.out();
        });
    }

    @Test
    void a_result_entry_named_like_a_parameter_gets_a_result_column_and_the_parameter_keeps_its_own() throws Exception {
        for (String command : List.of("results", "export")) {
            List<Map<String, String>> rows = csv(Cli.run(command, dir, "--format", "csv").out());
            Map<String, String> t1 = rows.stream().filter(r -> r.get("trial").equals("1")).findFirst().orElseThrow();
            assertThat(t1).as(command).containsEntry("x", "1").containsEntry("result.x", "99");
        }
    }

    @Test
    void a_result_entry_named_seconds_never_replaces_the_run_time() throws Exception {
        for (String command : List.of("results", "export")) {
            List<Map<String, String>> rows = csv(Cli.run(command, dir, "--format", "csv").out());
            Map<String, String> t1 = rows.stream().filter(r -> r.get("trial").equals("1")).findFirst().orElseThrow();
            assertThat(t1).as(command).containsEntry("seconds", "2.5").containsEntry("result.seconds", "7.5");
        }
        JsonNode md = new ObjectMapper().readTree(Cli.run("export", dir, "--format", "json").out());
        assertThat(md.get(0).get("seconds").asDouble()).isEqualTo(2.5);
        assertThat(md.get(0).get("result").get("seconds").asDouble()).isEqualTo(7.5);
    }

    @Test
    void export_json_is_one_record_per_trial_with_nested_config_and_result_and_utc_times() throws Exception {
        JsonNode a = new ObjectMapper().readTree(Cli.run("export", dir, "--format", "json").out());
        assertThat(a).hasSize(5);
        JsonNode t1 = a.get(0);
        assertThat(t1.get("config").get("x").asLong()).isEqualTo(1);
        assertThat(t1.get("result").get("x").asLong()).isEqualTo(99);
        assertThat(t1.get("worker").asText()).isEqualTo("w-1");
        assertThat(t1.get("host").asText()).isEqualTo("host-a");
        assertThat(t1.get("created").asText()).isEqualTo("2026-03-04T05:06:07.000Z");
        assertThat(t1.get("started").asText()).isEqualTo("2026-03-04T05:07:07.000Z");
        assertThat(t1.get("finished").asText()).isEqualTo("2026-03-04T05:07:09.500Z");
        assertThat(a.get(3).get("state").asText()).isEqualTo("RUNNING");
        assertThat(a.get(3).get("phase").asText()).isEqualTo("FIT");
        assertThat(a.get(4).get("result").isNull()).isTrue();
        List<String> keys = new java.util.ArrayList<>();
        t1.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isEqualTo(ExportedTrial.FIELDS);
    }

    @Test
    void the_java_api_reads_the_same_records() {
        List<ExportedTrial> all = TrialExports.read(Path.of(dir));
        assertThat(all).extracting(ExportedTrial::state).containsExactly(TrialState.DONE, TrialState.FAILED,
                TrialState.DONE, TrialState.RUNNING, TrialState.PENDING);
        ExportedTrial t1 = all.get(0);
        assertThat(t1.host()).isEqualTo("host-a");
        assertThat(t1.seconds()).isEqualTo(2.5);
        assertThat(t1.created()).isEqualTo(Instant.parse("2026-03-04T05:06:07Z"));
        assertThat(t1.result()).containsEntry("x", 99);
        assertThat(all.get(1).error()).startsWith("exit code 4");
    }

    @Test
    void output_file_extension_chooses_the_format() throws Exception {
        Path json = tmp.resolve("all.json");
        Cli.Result r = Cli.run("export", dir, "-o", json.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(new ObjectMapper().readTree(json.toFile()).isArray()).isTrue();
        Path md = tmp.resolve("best.md");
        assertThat(Cli.run("results", dir, "-o", md.toString()).code()).isIn(0, 1);
        assertThat(Files.readString(md)).startsWith("| trial |");
    }

    @Test
    void dash_or_no_output_writes_to_stdout() {
        Cli.Result dash = Cli.run("export", dir, "-o", "-");
        assertThat(dash.code()).as(dash.toString()).isZero();
        assertThat(dash.out()).startsWith("trial,state,attempt,");
        assertThat(Path.of("-")).doesNotExist();
        assertThat(Cli.run("export", dir).out()).isEqualTo(dash.out());
    }

    @Test
    void a_format_the_command_does_not_write_is_refused_naming_flag_value_and_allowed_ones() {
        Cli.Result r = Cli.run("results", dir, "--format", "trec");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--format: 'trec' is not a format of 'results'; allowed: table, csv, json, markdown")
                .doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
        Path trec = tmp.resolve("all.trec");
        Cli.Result byName = Cli.run("export", dir, "-o", trec.toString());
        assertThat(byName.code()).isEqualTo(2);
        assertThat(byName.err()).contains("-o " + trec + ": 'export' does not write trec; allowed: a name ending in .txt .csv .json .md .markdown");
        assertThat(trec).doesNotExist();
    }

    @Test
    void a_format_flag_that_contradicts_the_file_name_is_refused_and_nothing_is_written() {
        Path out = tmp.resolve("contra.json");
        Cli.Result r = Cli.run("export", dir, "--format", "csv", "-o", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--format csv contradicts -o " + out + " (a json file name)");
        assertThat(out).doesNotExist();
        Path unknown = tmp.resolve("all.dat");
        Cli.Result u = Cli.run("export", dir, "-o", unknown.toString());
        assertThat(u.code()).isEqualTo(2);
        assertThat(u.err()).contains("cannot tell the format from the file name");
        assertThat(unknown).doesNotExist();
        assertThat(Cli.run("export", dir, "--format", "csv", "-o", unknown.toString()).code()).as("--format decides for an unknown extension").isZero();
    }

    @Test
    void an_output_path_that_cannot_take_a_file_is_a_flag_error_not_a_bug() throws Exception {
        Path blocker = tmp.resolve("a-file");
        Files.writeString(blocker, "x");
        Cli.Result r = Cli.run("export", dir, "-o", blocker.resolve("sub/all.csv").toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("-o " + blocker.resolve("sub/all.csv") + ": cannot write there").doesNotContain("BUG", "\tat ");
        Cli.Result d = Cli.run("export", dir, "-o", tmp.toString(), "--format", "csv");
        assertThat(d.code()).isEqualTo(2);
        assertThat(d.err()).contains("is a directory");
    }

    /** Rows of a CSV document by header name, read with FastCSV. */
    static List<Map<String, String>> csv(String text) {
        try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder().ofNamedCsvRecord(text)) {
            return reader.stream().map(de.siegmar.fastcsv.reader.NamedCsvRecord::getFieldsAsMap).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
