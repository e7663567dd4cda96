package dev.retort.rec.data.registry;

import dev.retort.PlanException;
import dev.retort.store.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fetches registry datasets into a cache: {@code <cache>/<name>/} holds the extracted archive plus a
 * {@value #MARKER} file. The archive is downloaded into a temp directory inside the cache, its SHA-256
 * verified, extracted there, and only then renamed into place, so the cache never holds half a dataset.
 * A dataset whose directory and marker exist (with the expected checksum) is a cache hit: no network.
 */
public final class Downloader {
    /** Environment variable naming the cache directory; default {@code ~/.retort/data}. */
    public static final String ENV = "RETORT_DATA";
    /** Written last into a dataset directory; holds the archive's SHA-256 and URL. */
    public static final String MARKER = ".retort-complete";

    private final Path cache;
    private final HttpFetcher fetcher = new HttpFetcher();

    /** A downloader caching under {@code cache} (see {@link #defaultCache()}). */
    public Downloader(Path cache) {
        this.cache = Objects.requireNonNull(cache);
    }

    /** {@code $RETORT_DATA}, else {@code ~/.retort/data}. */
    public static Path defaultCache() {
        return cacheDir(System.getenv(), System.getProperty("user.home"));
    }

    static Path cacheDir(Map<String, String> env, String home) {
        String v = env.get(ENV);
        return v != null && !v.isBlank() ? Path.of(v) : Path.of(home, ".retort", "data");
    }

    /** The interaction file of {@code entry}, downloading the dataset first unless cached. */
    public Path file(DatasetEntry entry) {
        return fetch(entry).resolve(entry.memberPath());
    }

    /** The dataset directory {@code <cache>/<name>}, downloading and extracting it unless cached. */
    public Path fetch(DatasetEntry entry) {
        Path target = cache.resolve(entry.name());
        if (complete(target, entry)) return target;
        Path work = null;
        try {
            Files.createDirectories(cache);
            work = Files.createTempDirectory(cache, ".tmp-" + entry.name() + "-");
            Path archive = work.resolve("archive.zip");
            Fetched got = download(entry, archive);
            Path content = work.resolve("content");
            ZipExtractor.extract(archive, content, got.url());
            AtomicFiles.writeString(content.resolve(MARKER), "sha256=" + got.sha256() + "\nurl=" + got.url() + "\n");
            if (complete(target, entry)) return target; // another process finished it meanwhile
            if (Files.exists(target)) Trees.delete(target); // stale: no marker or another checksum
            try {
                Files.move(content, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!complete(target, entry)) throw raced; // else another process finished the same download
            }
            return target;
        } catch (IOException e) {
            throw new PlanException("dataset '" + entry.name() + "': cannot store it in " + cache + ": " + e, e);
        } finally {
            if (work != null) Trees.deleteQuietly(work);
        }
    }

    private record Fetched(URI url, String sha256) {
    }

    /** Where a user may place the archive by hand (no network needed): {@code <cache>/<name>.zip}. */
    public Path manualArchive(DatasetEntry entry) {
        return cache.resolve(entry.name() + ".zip");
    }

    private Fetched download(DatasetEntry entry, Path archive) throws IOException {
        Path manual = manualArchive(entry);
        if (Files.isRegularFile(manual)) {
            String actual;
            try (InputStream in = Files.newInputStream(manual)) {
                actual = Sha256.copy(in, archive);
            }
            if (entry.sha256() == null || entry.sha256().equals(actual)) return new Fetched(manual.toUri(), actual);
            throw new PlanException("dataset '" + entry.name() + "': " + manual + " has sha256 " + actual + ", expected "
                    + entry.sha256() + "; allowed: the archive from " + entry.urls().get(0) + " unchanged");
        }
        List<String> failures = new ArrayList<>();
        for (URI url : entry.urls()) {
            try (InputStream in = fetcher.open(url)) {
                String actual = Sha256.copy(in, archive);
                if (entry.sha256() == null || entry.sha256().equals(actual)) return new Fetched(url, actual);
                failures.add(url + ": checksum mismatch: expected sha256 " + entry.sha256() + ", actual " + actual);
            } catch (IOException e) {
                failures.add(url + ": " + cause(url, e));
            }
            Trees.deleteQuietly(archive);
        }
        throw new PlanException("dataset '" + entry.name() + "': download failed, nothing was cached: " + String.join("; ", failures)
                + ". To use it without network, download " + entry.urls().get(0) + " elsewhere and place it as " + manual
                + (entry.sha256() == null ? "" : " (sha256 " + entry.sha256() + ")")
                + " (the directory is $" + ENV + ", default ~/.retort/data), or read your own copy with a file source: "
                + "source: {file: path/to/" + Path.of(entry.memberPath()).getFileName() + ", format: " + entry.format().key() + "}");
    }

    /** What went wrong, in words: the JDK's HTTP client reports an unknown host as a ConnectException without a message. */
    static String cause(URI url, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException)
                return "cannot resolve host " + url.getHost() + " (no network or no DNS?)";
            if (t instanceof java.net.http.HttpConnectTimeoutException) return "timed out connecting to " + url.getHost();
            if (t instanceof java.net.ConnectException && t.getMessage() != null)
                return "cannot connect to " + url.getHost() + ": " + t.getMessage();
            if (t instanceof java.net.NoRouteToHostException) return "no route to host " + url.getHost();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static boolean complete(Path dir, DatasetEntry entry) {
        Path marker = dir.resolve(MARKER);
        if (!Files.isRegularFile(marker)) return false;
        if (entry.sha256() == null) return true;
        try {
            return Files.readString(marker).contains("sha256=" + entry.sha256() + "\n");
        } catch (IOException e) {
            return false;
        }
    }
}
