package dev.retort.manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** A remembered jar hash is used only while the jar's path, size, modification time and inode are unchanged. */
class CodeHashCacheTest {
    @TempDir
    Path tmp;

    @Test
    void a_jar_is_hashed_once_and_again_when_it_is_touched_replaced_or_its_cache_line_is_damaged() throws Exception {
        Path jar = tmp.resolve("code.jar");
        byte[] bytes = new byte[(int) CodeHashCache.MIN_SIZE + 10];
        Arrays.fill(bytes, (byte) 7);
        Files.write(jar, bytes);
        String real = Hashing.file(jar);
        Path cacheFile = tmp.resolve("cache/code-sha256.tsv");
        CodeHashCache cache = new CodeHashCache(cacheFile);
        assertThat(cache.sha256(jar)).isEqualTo(real);
        assertThat(Files.readString(cacheFile)).contains(jar.toAbsolutePath() + "\t").contains(real);

        // the cache is trusted while the stamp holds: a planted hash for the same stamp is what comes back
        String planted = "0".repeat(64);
        Files.writeString(cacheFile, Files.readString(cacheFile).replace(real, planted));
        assertThat(cache.sha256(jar)).isEqualTo(planted);

        // touched: a new modification time means hash again
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
        assertThat(cache.sha256(jar)).isEqualTo(real);

        // replaced by another file of the same size and modification time: another inode, hash again
        Files.writeString(cacheFile, Files.readString(cacheFile).replace(real, planted));
        Path other = tmp.resolve("other.jar");
        bytes[0] = 8;
        Files.write(other, bytes);
        Files.setLastModifiedTime(other, Files.getLastModifiedTime(jar));
        Files.move(other, jar, StandardCopyOption.REPLACE_EXISTING);
        assertThat(cache.sha256(jar)).isEqualTo(Hashing.file(jar)).isNotEqualTo(real).isNotEqualTo(planted);

        // a damaged cache is no cache
        Files.writeString(cacheFile, "garbage\n\0\0\n");
        assertThat(cache.sha256(jar)).isEqualTo(Hashing.file(jar));
    }

    @Test
    void small_files_are_always_hashed() throws Exception {
        Path small = tmp.resolve("Objective.class");
        Files.writeString(small, "tiny");
        Path cacheFile = tmp.resolve("cache/code-sha256.tsv");
        assertThat(new CodeHashCache(cacheFile).sha256(small)).isEqualTo(Hashing.file(small));
        assertThat(cacheFile).doesNotExist();
    }
}
