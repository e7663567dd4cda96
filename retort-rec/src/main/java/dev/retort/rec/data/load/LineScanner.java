package dev.retort.rec.data.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams a delimited file in large byte blocks and hands each non-blank line, split into fields, to a
 * handler. Handles {@code \n} and {@code \r\n} endings, a UTF-8 byte order mark, single- or multi-character
 * delimiters, and (when asked) double-quoted fields on one line.
 */
final class LineScanner {
    interface Handler {
        void line(Line line);
    }

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
                while (true) {
                    int nl = indexOf(buf, pos, len, (byte) '\n');
                    if (nl < 0 && !(eof && pos < len)) break;
                    int end = nl < 0 ? len : nl;
                    lineNo++;
                    int contentEnd = end > pos && buf[end - 1] == '\r' ? end - 1 : end;
                    if (contentEnd > pos) {
                        line.buf = buf;
                        line.start = pos;
                        line.end = contentEnd;
                        line.number = lineNo;
                        split(line, delim, quoted);
                        handler.line(line);
                    }
                    pos = nl < 0 ? len : nl + 1;
                }
                if (eof) return;
                System.arraycopy(buf, pos, buf, 0, len - pos);
                len -= pos;
            }
        }
    }

    private static int indexOf(byte[] buf, int from, int to, byte b) {
        for (int i = from; i < to; i++) if (buf[i] == b) return i;
        return -1;
    }

    private static void split(Line line, byte[] delim, boolean quoted) {
        byte[] b = line.buf;
        int end = line.end;
        line.count = 0;
        int i = line.start;
        while (true) {
            if (quoted && i < end && b[i] == '"') {
                int j = i + 1;
                boolean esc = false;
                while (j < end) {
                    if (b[j] == '"') {
                        if (j + 1 < end && b[j + 1] == '"') {
                            esc = true;
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                line.addField(i + 1, Math.min(j, end), esc);
                i = j + 1; // past the closing quote; text up to the next delimiter is ignored
                int d = nextDelimiter(b, Math.min(i, end), end, delim);
                if (d < 0) return;
                i = d + delim.length;
            } else {
                int d = nextDelimiter(b, i, end, delim);
                if (d < 0) {
                    line.addField(i, end, false);
                    return;
                }
                line.addField(i, d, false);
                i = d + delim.length;
            }
        }
    }

    private static int nextDelimiter(byte[] b, int from, int end, byte[] delim) {
        byte d0 = delim[0];
        outer:
        for (int i = from; i <= end - delim.length; i++) {
            if (b[i] != d0) continue;
            for (int k = 1; k < delim.length; k++) if (b[i + k] != delim[k]) continue outer;
            return i;
        }
        return -1;
    }
}
