package dev.retort.rec.split;

/** Which part of a split a row goes to; stored as bytes, one per row. */
final class Role {
    static final byte TRAIN = 0;
    static final byte TEST = 1;
    static final byte VALIDATION = 2;
    /** In no part (rows of the dataset that a predefined split does not list). */
    static final byte NONE = 3;

    private Role() {
    }
}
