package dev.retort.rec.data.load;

import dev.retort.PlanException;
import dev.retort.rec.data.Canonicalizer;
import dev.retort.rec.data.Interactions;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads an interaction file into {@link Interactions}: dense ids in the order of the original ids (see {@link Canonicalizer}), original ids
 * in the {@link dev.retort.rec.data.IdMap}s, then {@link Canonicalizer#dedupe} so (user, item) pairs are
 * unique. A malformed line stops the load with a {@link PlanException} naming {@code file:line}, the line
 * and what was expected.
 */
public final class Loader {
    private Loader() {
    }

    /**
     * @param data              the canonical interactions
     * @param rowsRead          data rows read from the file (before removing duplicates)
     * @param duplicatesDropped rows dropped because their (user, item) pair occurred again
     */
    public record Loaded(Interactions data, long rowsRead, int duplicatesDropped) {
    }

    /** Loads with the preset of a fixed format (see {@link TableFormat#of}). */
    public static Loaded load(Path file, DataFormat format) {
        return load(file, TableFormat.of(format));
    }

    public static Loaded load(Path file, TableFormat format) {
        Interactions raw = loadRaw(file, format);
        Canonicalizer.Result canonical = Canonicalizer.dedupe(raw);
        return new Loaded(canonical.data(), raw.size(), canonical.duplicatesDropped());
    }

    /** The rows exactly as in the file (duplicates kept); for callers that canonicalise themselves. */
    public static Interactions loadRaw(Path file, TableFormat format) {
        RowParser parser = new RowParser(file.toString(), format);
        try {
            LineScanner.scan(file, format.delimiter(), format.quoted(), parser);
        } catch (NoSuchFileException e) {
            throw PlanException.at(file.toString(), null, null, "data file does not exist", null);
        } catch (IOException e) {
            throw new PlanException(file + ": cannot read data file: " + e.getMessage(), e);
        }
        return parser.result();
    }
}
