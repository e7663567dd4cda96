package dev.retort.rec.algo;

/**
 * Set similarities between two rows a, b of a binary matrix from their overlap {@code co = |a ∩ b|} and sizes.
 * Shrinkage is added to the denominator: {@code co / (denominator + shrink)}, which pulls similarities built
 * on few co-occurrences towards 0 ({@code shrink = 0} leaves them unchanged).
 */
public enum Similarity {
    /** {@code co / (sqrt(|a| |b|) + shrink)}. */
    COSINE("cosine"),
    /** {@code co / (|a| + |b| - co + shrink)}. */
    JACCARD("jaccard"),
    /** {@code co / (|a|^alpha |b|^(1-alpha) + shrink)}; alpha = 0.5 is cosine (Aiolli's asymmetric cosine). */
    ASYMMETRIC_COSINE("asymmetric_cosine");

    private final String key;

    Similarity(String key) {
        this.key = key;
    }

    /** The parameter value naming this similarity, e.g. {@code asymmetric_cosine}. */
    public String key() {
        return key;
    }

    /** The similarity named {@code key}, or null. */
    public static Similarity byKey(String key) {
        for (Similarity s : values()) if (s.key.equals(key)) return s;
        return null;
    }

    /** The similarity of a and b; 0 when they do not overlap. */
    public double of(int co, int sizeA, int sizeB, double alpha, double shrink) {
        if (co == 0) return 0;
        double denominator = switch (this) {
            case COSINE -> Math.sqrt((double) sizeA * sizeB);
            case JACCARD -> (double) sizeA + sizeB - co;
            case ASYMMETRIC_COSINE -> Math.pow(sizeA, alpha) * Math.pow(sizeB, 1 - alpha);
        };
        return co / (denominator + shrink);
    }
}
