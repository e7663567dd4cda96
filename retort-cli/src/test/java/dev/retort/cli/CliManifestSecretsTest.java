package dev.retort.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Secrets in the environment and in the plan's env reach the command but no manifest, captured file or log. */
class CliManifestSecretsTest {
    static final Map<String, String> SECRETS = Map.of("RETORT_TOKEN", "rt-tok-5521", "DB_PASSWORD", "db-pw-9182",
            "AWS_SECRET_ACCESS_KEY", "aws-sk-7730");

    @TempDir
    Path tmp;

    @Test
    void secret_values_appear_in_no_manifest_captured_file_or_log() throws Exception {
        Path user = Files.createDirectories(tmp.resolve("user"));
        // the script fails unless it got the plan's secret; it prints nothing of it
        Files.writeString(user.resolve("obj.sh"), "#!/bin/sh\n[ \"$DB_PASSWORD\" = \"db-pw-$((9000 + 182))\" ] || exit 7\necho \"{\\\"value\\\": $1}\"\n");
        Files.writeString(user.resolve("plan.yaml"), """
                experiment: secrets
                objective:
                  command: [sh, obj.sh, '{a}']
                  env: {DB_PASSWORD: db-pw-9182, MODE: plain}
                space: {a: [1, 2]}
                """);
        List<String> outputs = new ArrayList<>();
        ChildRetort.Result run = ChildRetort.run(tmp, SECRETS, "run", "user/plan.yaml", "--dir", "exp", "--no-progress", "--workers", "2");
        assertThat(run.code()).as(run.toString()).isZero();
        outputs.add(run.output());
        ChildRetort.Result rerun = ChildRetort.run(tmp, SECRETS, "rerun", "exp", "--dir", "again");
        assertThat(rerun.code()).as(rerun.toString()).isZero();
        outputs.add(rerun.output());
        outputs.add(ChildRetort.run(tmp, SECRETS, "manifest", "exp").output());
        outputs.add(ChildRetort.run(tmp, SECRETS, "manifest", "again", "--format", "json").output());
        outputs.add(ChildRetort.run(tmp, SECRETS, "diff", "exp", "again", "--format", "json").output());
        assertThat(outputs.get(2)).contains("RETORT_TOKEN").contains("<redacted>");

        List<String> leaks = new ArrayList<>();
        for (String o : outputs) for (String v : SECRETS.values()) if (o.contains(v)) leaks.add("output holds " + v);
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.equals(user.resolve("plan.yaml"))).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String v : SECRETS.values()) if (text.contains(v)) leaks.add(tmp.relativize(f) + " holds " + v);
            }
        }
        assertThat(leaks).isEmpty();
    }
}
