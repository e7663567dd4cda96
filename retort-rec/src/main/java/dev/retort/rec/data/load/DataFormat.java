package dev.retort.rec.data.load;

import dev.retort.PlanException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The file formats retort-rec reads; {@link #key()} is how a plan names them. */
public enum DataFormat {
    /** MovieLens 100K {@code u.data}: tab-separated {@code user item rating timestamp}, no header. */
    ML_100K("ml-100k"),
    /** MovieLens 1M/10M {@code ratings.dat}: {@code user::item::rating::timestamp}, no header. */
    ML_DAT("ml-dat"),
    /** MovieLens 20M/25M/latest {@code ratings.csv}: header {@code userId,movieId,rating,timestamp}. */
    ML_CSV("ml-csv"),
    /** Generic comma-separated values with a column mapping. */
    CSV("csv"),
    /** Generic tab-separated values with a column mapping. */
    TSV("tsv"),
    /** RecBole atomic {@code .inter} file: tab-separated, header {@code name:type} columns. */
    RECBOLE("recbole");

    private final String key;

    DataFormat(String key) {
        this.key = key;
    }

    /** The name a plan uses for this format. */
    public String key() {
        return key;
    }

    /** The format a plan names by {@code key} ({@code inter} is accepted for {@code recbole}). */
    public static DataFormat parse(String where, String path, String key) {
        if ("inter".equals(key)) return RECBOLE;
        for (DataFormat f : values()) if (f.key.equals(key)) return f;
        throw PlanException.at(where, path, key, "is not a known data format", allowed());
    }

    /** The accepted keys, for "allowed:" in messages. */
    public static String allowed() {
        return Arrays.stream(values()).map(DataFormat::key).collect(Collectors.joining(", "));
    }
}
