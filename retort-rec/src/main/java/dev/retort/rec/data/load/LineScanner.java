package dev.retort.rec.data.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams a delimited file in large byte blocks and hands each non-blank line, split into fields, to a
 * handler. One pass over the bytes finds both field and line ends. Handles {@code \n} and {@code \r\n}
 * endings, a UTF-8 byte order mark, single- or multi-character delimiters, and (when asked) double-quoted
 * fields on one line.
 */
final class LineScanner {
    interface Handler {
        void line(Line line);
    }

    private static final int INCOMPLETE = -1;

    private LineScanner() {
    }

    static void scan(Path file, String delimiter, boolean quoted, Handler handler) throws IOException {
        byte[] delim = delimiter.getBytes(StandardCharsets.UTF_8);
        byte[] buf = new byte[1 << 20];
        int len = 0;
        long lineNo = 0;
        boolean first = true;
        Line line = new Line();
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                if (len == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                int r = in.read(buf, len, buf.length - len);
                boolean eof = r < 0;
                if (!eof) len += r;
                int pos = 0;
                if (first && len >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) pos = 3;
                first = false;
                line.buf = buf;
                while (pos < len) {
                    int next = split(line, buf, pos, len, eof, delim, quoted);
                    if (next == INCOMPLETE) break;
                    lineNo++;
                    if (line.end > line.start) {
                        line.number = lineNo;
                        handler.line(line);
                    }
                    pos = next;
                }
                if (eof) return;
                System.arraycopy(buf, pos, buf, 0, len - pos);
                len -= pos;
            }
        }
    }

    /**
     * Splits the line starting at {@code pos} into {@code line}'s fields; returns the start of the next line,
     * or {@link #INCOMPLETE} when the buffer ends before the line does (and more input may follow).
     */
    private static int split(Line line, byte[] b, int pos, int len, boolean eof, byte[] delim, boolean quoted) {
        line.count = 0;
        line.start = pos;
        byte d0 = delim[0];
        int i = pos;
        while (true) {
            int fieldStart = i;
            boolean esc = false;
            int fieldEnd;
            if (quoted && i < len && b[i] == '"') {
                int j = i + 1;
                while (j < len && b[j] != '\n') {
                    if (b[j] == '"') {
                        if (j + 1 < len && b[j + 1] == '"') {
                            esc = true;
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                fieldStart = i + 1;
                fieldEnd = j;
                i = j < len && b[j] == '"' ? j + 1 : j;
                // text between the closing quote and the next delimiter is ignored
                while (i < len && b[i] != '\n' && !(b[i] == d0 && matches(b, i, len, delim))) i++;
            } else {
                while (i < len) {
                    byte c = b[i];
                    if (c == '\n' || (c == d0 && matches(b, i, len, delim))) break;
                    i++;
                }
                fieldEnd = i;
            }
            if (i >= len && !eof) return INCOMPLETE;
            if (i < len && b[i] != '\n') {
                line.addField(fieldStart, fieldEnd, esc);
                i += delim.length;
                continue;
            }
            // end of line: drop a trailing '\r' from the last field and from the line
            int lineEnd = i;
            if (lineEnd > pos && b[lineEnd - 1] == '\r') {
                lineEnd--;
                if (fieldEnd > lineEnd) fieldEnd = lineEnd;
            }
            line.end = lineEnd;
            if (lineEnd > pos) line.addField(fieldStart, Math.max(fieldStart, fieldEnd), esc);
            return i < len ? i + 1 : len;
        }
    }

    private static boolean matches(byte[] b, int i, int len, byte[] delim) {
        if (delim.length == 1) return true;
        if (i + delim.length > len) return false;
        for (int k = 1; k < delim.length; k++) if (b[i + k] != delim[k]) return false;
        return true;
    }
}
