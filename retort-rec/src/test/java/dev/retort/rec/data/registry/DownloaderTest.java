package dev.retort.rec.data.registry;

import com.sun.net.httpserver.HttpServer;
import dev.retort.PlanException;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.load.DataFormat;
import dev.retort.rec.data.load.Loader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DownloaderTest {
    private static final String RATINGS = "1::10::5::100\n2::10::3::200\n";

    @TempDir
    Path dir;
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    private static byte[] zip(String member, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry(member));
            z.write(text.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private URI serve(byte[] body, AtomicInteger hits) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ml-test.zip", ex -> {
            hits.incrementAndGet();
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ml-test.zip");
    }

    private static List<Path> list(Path p) throws IOException {
        if (!Files.exists(p)) return List.of();
        try (Stream<Path> s = Files.list(p)) {
            return s.toList();
        }
    }

    @Test
    void http_download_is_verified_extracted_and_then_served_from_cache() throws Exception {
        byte[] archive = zip("ml-test/ratings.dat", RATINGS);
        AtomicInteger hits = new AtomicInteger();
        DatasetEntry e = new DatasetEntry("ml-test", List.of(serve(archive, hits)), sha(archive), DataFormat.ML_DAT, "ml-test/ratings.dat", "test");
        Path cache = dir.resolve("cache");
        Path file = new Downloader(cache).file(e);
        assertThat(file).isEqualTo(cache.resolve("ml-test/ml-test/ratings.dat"));
        assertThat(Files.readString(file)).isEqualTo(RATINGS);
        assertThat(Files.readString(cache.resolve("ml-test").resolve(Downloader.MARKER))).contains("sha256=" + sha(archive));
        Interactions d = Loader.load(file, DataFormat.ML_DAT).data();
        assertThat(d.size()).isEqualTo(2);
        assertThat(new Downloader(cache).file(e)).isEqualTo(file);
        assertThat(hits.get()).isEqualTo(1);
        assertThat(list(cache)).containsExactly(cache.resolve("ml-test")); // no temp directory left
    }

    @Test
    void file_url_download_works_and_checksum_mismatch_leaves_nothing() throws Exception {
        byte[] archive = zip("x/u.data", "1\t2\t3\t4\n");
        Path zipFile = Files.write(dir.resolve("x.zip"), archive);
        Path cache = dir.resolve("cache");
        DatasetEntry good = new DatasetEntry("x", List.of(zipFile.toUri()), sha(archive), DataFormat.ML_100K, "x/u.data", "test");
        assertThat(Files.readString(new Downloader(cache).file(good))).isEqualTo("1\t2\t3\t4\n");

        String wrong = "0".repeat(64);
        DatasetEntry bad = new DatasetEntry("y", List.of(zipFile.toUri()), wrong, DataFormat.ML_100K, "x/u.data", "test");
        assertThatThrownBy(() -> new Downloader(cache).fetch(bad)).isInstanceOf(PlanException.class)
                .hasMessageContaining(zipFile.toUri().toString())
                .hasMessageContaining("expected sha256 " + wrong)
                .hasMessageContaining("actual " + sha(archive));
        assertThat(list(cache)).containsExactly(cache.resolve("x"));
    }

    @Test
    void http_checksum_mismatch_leaves_no_file_in_the_cache() throws Exception {
        byte[] archive = zip("ml-test/ratings.dat", RATINGS);
        AtomicInteger hits = new AtomicInteger();
        DatasetEntry e = new DatasetEntry("ml-test", List.of(serve(archive, hits)), "f".repeat(64), DataFormat.ML_DAT, "ml-test/ratings.dat", "test");
        Path cache = dir.resolve("cache");
        assertThatThrownBy(() -> new Downloader(cache).fetch(e)).isInstanceOf(PlanException.class)
                .hasMessageContaining("checksum mismatch").hasMessageContaining("/ml-test.zip");
        assertThat(list(cache)).isEmpty();
    }

    @Test
    void a_directory_without_marker_is_not_a_cache_hit() throws Exception {
        byte[] archive = zip("ml-test/ratings.dat", RATINGS);
        AtomicInteger hits = new AtomicInteger();
        DatasetEntry e = new DatasetEntry("ml-test", List.of(serve(archive, hits)), sha(archive), DataFormat.ML_DAT, "ml-test/ratings.dat", "test");
        Path cache = dir.resolve("cache");
        Files.createDirectories(cache.resolve("ml-test"));
        Files.writeString(cache.resolve("ml-test/half-written"), "junk");
        new Downloader(cache).fetch(e);
        assertThat(hits.get()).isEqualTo(1);
        assertThat(cache.resolve("ml-test/half-written")).doesNotExist();
    }

    @Test
    void zip_entries_escaping_the_root_are_refused() throws Exception {
        byte[] archive = zip("../evil.txt", "x");
        Path zipFile = Files.write(dir.resolve("evil.zip"), archive);
        Path cache = dir.resolve("cache");
        DatasetEntry e = new DatasetEntry("evil", List.of(zipFile.toUri()), sha(archive), DataFormat.ML_100K, "u.data", "test");
        assertThatThrownBy(() -> new Downloader(cache).fetch(e)).isInstanceOf(PlanException.class)
                .hasMessageContaining("outside the archive root");
        assertThat(list(cache)).isEmpty();
        assertThat(dir.resolve("evil.txt")).doesNotExist();
    }

    @Test
    void a_failed_download_names_the_cause_and_both_fixes_with_the_exact_path_and_checksum() throws Exception {
        byte[] archive = zip("ml-test/ratings.dat", RATINGS);
        String sha = sha(archive);
        DatasetEntry entry = new DatasetEntry("ml-test", List.of(URI.create("http://retort-test.invalid/ml-test.zip")), sha,
                DataFormat.ML_DAT, "ml-test/ratings.dat", "test");
        Path cache = dir.resolve("cache");
        Downloader d = new Downloader(cache);
        assertThatThrownBy(() -> d.file(entry)).isInstanceOf(PlanException.class)
                .hasMessageContaining("cannot resolve host retort-test.invalid")
                .hasMessageContaining("place it as " + cache.resolve("ml-test.zip") + " (sha256 " + sha + ")")
                .hasMessageContaining("source: {file: path/to/ratings.dat, format: ml-dat}")
                .message().doesNotContain("null");
        // the first fix works without network
        Files.createDirectories(cache);
        Files.write(cache.resolve("ml-test.zip"), archive);
        Interactions data = Loader.load(d.file(entry), DataFormat.ML_DAT).data();
        assertThat(data.size()).isEqualTo(2);
    }

    @Test
    void a_placed_archive_with_another_checksum_is_refused_naming_both_checksums() throws Exception {
        byte[] archive = zip("ml-test/ratings.dat", RATINGS);
        DatasetEntry entry = new DatasetEntry("ml-test", List.of(URI.create("http://retort-test.invalid/ml-test.zip")), sha(archive),
                DataFormat.ML_DAT, "ml-test/ratings.dat", "test");
        Path cache = Files.createDirectories(dir.resolve("cache"));
        byte[] other = zip("ml-test/ratings.dat", "1::1::1::1\n");
        Files.write(cache.resolve("ml-test.zip"), other);
        assertThatThrownBy(() -> new Downloader(cache).file(entry)).isInstanceOf(PlanException.class)
                .hasMessageContaining("has sha256 " + sha(other) + ", expected " + sha(archive));
        assertThat(cache.resolve("ml-test")).doesNotExist();
    }
}
