package dev.retort.rec.data.load;

import java.util.Objects;

/**
 * How to read an interaction table.
 *
 * @param format    which format this is (decides whether ids must be integers)
 * @param delimiter field separator, one or more characters ({@code "\t"}, {@code ","}, {@code "::"})
 * @param header    whether the first line holds column names
 * @param quoted    whether fields may be wrapped in double quotes ({@code ""} escapes a quote inside);
 *                  a quoted field cannot span lines
 * @param user      the user id column
 * @param item      the item id column
 * @param rating    the rating column, or null for implicit data
 * @param timestamp the timestamp column (integer epoch seconds), or null
 */
public record TableFormat(DataFormat format, String delimiter, boolean header, boolean quoted,
                          Column user, Column item, Column rating, Column timestamp) {
    public TableFormat {
        Objects.requireNonNull(format);
        Objects.requireNonNull(user);
        Objects.requireNonNull(item);
        if (delimiter == null || delimiter.isEmpty()) throw new IllegalArgumentException("empty delimiter");
    }

    /** The preset for a fixed format; CSV and TSV get columns {@code user item rating timestamp} by index, no header. */
    public static TableFormat of(DataFormat format) {
        return switch (format) {
            case ML_100K -> new TableFormat(format, "\t", false, false, Column.at(0), Column.at(1), Column.at(2), Column.at(3));
            case ML_DAT -> new TableFormat(format, "::", false, false, Column.at(0), Column.at(1), Column.at(2), Column.at(3));
            case ML_CSV -> new TableFormat(format, ",", true, false, Column.named("userId"), Column.named("movieId"),
                    Column.named("rating"), Column.named("timestamp"));
            case RECBOLE -> new TableFormat(format, "\t", true, false, Column.named("user_id"), Column.named("item_id"),
                    Column.named("rating"), Column.named("timestamp"));
            case CSV -> new TableFormat(format, ",", false, true, Column.at(0), Column.at(1), Column.at(2), Column.at(3));
            case TSV -> new TableFormat(format, "\t", false, false, Column.at(0), Column.at(1), Column.at(2), Column.at(3));
        };
    }

    /** Whether the format's ids are integers by definition (the MovieLens files). */
    public boolean numericIds() {
        return format == DataFormat.ML_100K || format == DataFormat.ML_DAT || format == DataFormat.ML_CSV;
    }

    /** For RecBole files a missing rating or timestamp column is allowed (the data is then implicit / untimed). */
    boolean optionalColumnsMayBeAbsent() {
        return format == DataFormat.RECBOLE;
    }
}
