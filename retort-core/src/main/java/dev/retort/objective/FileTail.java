package dev.retort.objective;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, read without scanning the whole file. */
final class FileTail {
    private FileTail() {
    }

    /**
     * The complete lines among the last {@code maxBytes} bytes of {@code file}, oldest first, without line
     * terminators. A line cut by the byte window is left out unless it is the file's first line.
     * A missing file has no lines.
     */
    static List<String> lines(Path file, int maxBytes) throws IOException {
        byte[] bytes;
        long start;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            start = Math.max(0, size - maxBytes);
            ByteBuffer buf = ByteBuffer.allocate((int) (size - start));
            while (buf.hasRemaining() && ch.read(buf, start + buf.position()) >= 0) {
                // keep reading: a positional read may return fewer bytes than asked
            }
            bytes = Arrays.copyOf(buf.array(), buf.position());
        } catch (NoSuchFileException e) {
            return List.of();
        }
        int from = 0;
        if (start > 0) { // drop the partial first line (possibly also a partial UTF-8 character)
            while (from < bytes.length && bytes[from] != '\n') from++;
            from++;
        }
        List<String> lines = new ArrayList<>();
        if (from >= bytes.length) return lines;
        for (String line : new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8).split("\n", -1)) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        return lines;
    }

    /**
     * The last {@code maxLines} lines within the last {@code maxBytes} bytes, joined by newlines, prefixed by
     * {@code ...} when something was left out; empty when the file is empty or missing.
     */
    static String text(Path file, int maxLines, int maxBytes) throws IOException {
        List<String> lines = lines(file, maxBytes);
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) lines.remove(lines.size() - 1);
        boolean cut = lines.size() > maxLines || (file.toFile().length() > maxBytes && !lines.isEmpty());
        List<String> tail = lines.subList(Math.max(0, lines.size() - maxLines), lines.size());
        return (cut ? "...\n" : "") + String.join("\n", tail);
    }
}
