package dev.retort.rec.algo;

import dev.retort.rec.data.IdMap;
import dev.retort.store.AtomicFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Text forms of {@link TopKLists} with ORIGINAL user and item ids, written atomically, UTF-8, '\n' lines. */
public final class TopKText {
    private TopKText() {
    }

    /** Header {@code user\titem\tscore\trank}, then one line per entry; rank is 1-based. */
    public static void writeTsv(TopKLists lists, IdMap users, IdMap items, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            w.write("user\titem\tscore\trank\n");
            for (int r = 0; r < lists.size(); r++) {
                String user = users.original(lists.user(r));
                for (int k = 0; k < lists.length(r); k++)
                    w.write(user + '\t' + items.original(lists.item(r, k)) + '\t' + lists.score(r, k) + '\t' + (k + 1) + '\n');
            }
            w.flush();
        });
    }

    /** A TREC run: {@code qid Q0 docno rank score tag} per entry, rank 1-based, space-separated, no header. */
    public static void writeTrec(TopKLists lists, IdMap users, IdMap items, String tag, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            for (int r = 0; r < lists.size(); r++) {
                String user = users.original(lists.user(r));
                for (int k = 0; k < lists.length(r); k++)
                    w.write(user + " Q0 " + items.original(lists.item(r, k)) + ' ' + (k + 1) + ' ' + lists.score(r, k)
                            + ' ' + tag + '\n');
            }
            w.flush();
        });
    }
}
