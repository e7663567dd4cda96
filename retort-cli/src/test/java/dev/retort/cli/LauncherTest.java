package dev.retort.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The ./retort launcher, run by bash on a copy of itself, with stand-ins for mvn and java on the PATH. */
class LauncherTest {
    @TempDir
    Path tmp;

    Path executable(Path p, String body) throws Exception {
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    void the_first_run_says_it_is_building_and_roughly_how_long_it_takes() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("checkout"));
        Files.copy(CliHelpTest.ROOT.resolve("retort"), root.resolve("retort"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        executable(bin.resolve("mvn"), "mkdir -p retort-cli/target && touch retort-cli/target/retort.jar");
        executable(bin.resolve("java"), "echo \"java $*\"");

        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("retort").toString(), "status", "x");
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("RETORT_CDS", "0");
        Process first = pb.redirectErrorStream(true).redirectOutput(tmp.resolve("first.txt").toFile()).start();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(tmp.resolve("first.txt"));
        assertThat(first.exitValue()).as(out).isZero();
        assertThat(out).contains("retort: first run: building the CLI with Maven; this takes about 1-3 minutes")
                .containsPattern("retort: built in \\d+ s").contains("java -XX:TieredStopAtLevel=1 -jar " + root.resolve("retort-cli/target/retort.jar") + " status x"); // status is short and read-only: C1 only

        Process second = pb.redirectOutput(tmp.resolve("second.txt").toFile()).start();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(tmp.resolve("second.txt"))).as("built once").doesNotContain("building").contains("status x");
    }
}
