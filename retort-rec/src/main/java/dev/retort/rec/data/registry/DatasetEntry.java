package dev.retort.rec.data.registry;

import dev.retort.rec.data.load.DataFormat;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A downloadable dataset: a zip archive, its SHA-256 and the interaction file inside it.
 *
 * @param name           the cache directory name and the plan name, e.g. {@code ml-100k}
 * @param urls           mirrors tried in order ({@code http(s):} or {@code file:})
 * @param sha256         lower-case hex SHA-256 of the archive, or null when no published checksum was found
 *                       (then the first download is trusted and its hash recorded in the cache marker)
 * @param format         the format of the interaction file
 * @param memberPath     the interaction file's path inside the archive, e.g. {@code ml-100k/u.data}
 * @param checksumSource where the checksum was taken from, for the record
 */
public record DatasetEntry(String name, List<URI> urls, String sha256, DataFormat format, String memberPath,
                           String checksumSource) {
    public DatasetEntry {
        Objects.requireNonNull(name);
        urls = List.copyOf(urls);
        if (urls.isEmpty()) throw new IllegalArgumentException("dataset " + name + " has no URL");
        if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("bad sha256 for " + name);
        Objects.requireNonNull(format);
        Objects.requireNonNull(memberPath);
    }
}
