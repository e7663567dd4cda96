package dev.retort.rec.split;

/** A split together with its report. */
public record SplitResult(Split split, SplitReport report) {
}
