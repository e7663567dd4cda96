package dev.retort.rec.algo;

import dev.retort.rec.data.IdMap;
import dev.retort.store.AtomicFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Text forms of {@link TopKLists} with ORIGINAL user and item ids, UTF-8, '\n' lines. */
public final class TopKText {
    private TopKText() {
    }

    /** Header {@code user\titem\tscore\trank}, then one line per entry; the model's score; rank is 1-based. */
    public static void writeTsv(TopKLists lists, IdMap users, IdMap items, Writer w) throws IOException {
        w.write("user\titem\tscore\trank\n");
        for (int r = 0; r < lists.size(); r++) {
            String user = users.original(lists.user(r));
            for (int k = 0; k < lists.length(r); k++)
                w.write(user + '\t' + items.original(lists.item(r, k)) + '\t' + lists.score(r, k) + '\t' + (k + 1) + '\n');
        }
        w.flush();
    }

    /**
     * A TREC run: {@code qid Q0 docno rank score tag} per entry, space-separated, no header. The score is
     * rank-based, {@code n + 1 - rank} for a list of n items (n, n-1, ..., 1): strictly decreasing down each
     * list, so trec_eval, which re-sorts by score and breaks ties by document id, keeps Retort's order even
     * where the model's scores tie. The model's scores are in the TSV form.
     */
    public static void writeTrec(TopKLists lists, IdMap users, IdMap items, String tag, Writer w) throws IOException {
        for (int r = 0; r < lists.size(); r++) {
            String user = users.original(lists.user(r));
            int n = lists.length(r);
            for (int k = 0; k < n; k++)
                w.write(user + " Q0 " + items.original(lists.item(r, k)) + ' ' + (k + 1) + ' ' + (n - k) + ' ' + tag + '\n');
        }
        w.flush();
    }

    /** {@link #writeTsv(TopKLists, IdMap, IdMap, Writer)} to a file, atomically. */
    public static void writeTsv(TopKLists lists, IdMap users, IdMap items, Path file) throws IOException {
        AtomicFiles.write(file, out -> writeTsv(lists, users, items, writer(out)));
    }

    /** {@link #writeTrec(TopKLists, IdMap, IdMap, String, Writer)} to a file, atomically. */
    public static void writeTrec(TopKLists lists, IdMap users, IdMap items, String tag, Path file) throws IOException {
        AtomicFiles.write(file, out -> writeTrec(lists, users, items, tag, writer(out)));
    }

    private static Writer writer(java.io.OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }
}
