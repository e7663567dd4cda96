package dev.retort.report;

/**
 * A table value with a significance marker after it, e.g. {@code 0.4123†}. Text, Markdown and CSV show
 * {@code value + mark}; LaTeX sets the mark as a superscript ({@code †} as {@code \dag}, {@code ‡} as
 * {@code \ddag}). The markers are explained in docs/exports.md ("Significance markers").
 *
 * @param mark the marker, possibly empty
 */
public record Marked(Object value, String mark) {
}
