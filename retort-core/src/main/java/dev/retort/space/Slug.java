package dev.retort.space;

import com.fasterxml.jackson.core.io.NumberOutput;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Safe, readable directory names. A slug keeps {@code [A-Za-z0-9._-]}, turns every other run of characters into
 * one {@code _}, is never empty, {@code .} or {@code ..}, starts with neither {@code -} nor {@code .}, does not end
 * with {@code .}, is no Windows device name ({@code CON}, {@code NUL}, {@code COM1}, ...), and has at most
 * {@value #MAX} characters: a longer one is cut and ends in {@code -} plus 8 hex digits of the SHA-256 of the input.
 * Slugs are lossy ({@code "a b"} and {@code "a_b"} share one); pair them with a hash where uniqueness matters.
 */
public final class Slug {
    /** Longest slug, in characters. */
    public static final int MAX = 80;
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private Slug() {
    }

    /** The slug of any text; see the class comment. */
    public static String slugify(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keep = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
            if (keep) sb.append(c);
            else if (!inRun) sb.append('_');
            inRun = !keep;
        }
        if (sb.length() == 0) return "_";
        if (sb.charAt(0) == '-' || sb.charAt(0) == '.') sb.setCharAt(0, '_');
        int last = sb.length() - 1;
        if (sb.charAt(last) == '.') sb.setCharAt(last, '_'); // Windows drops a trailing dot
        int dot = sb.indexOf(".");
        String base = dot < 0 ? sb.toString() : sb.substring(0, dot);
        if (RESERVED.contains(base.toUpperCase(Locale.ROOT))) sb.insert(base.length(), '_');
        if (sb.length() > MAX) {
            sb.setLength(MAX - 9);
            sb.append('-').append(Config.sha256Hex(text), 0, 8);
        }
        return sb.toString();
    }

    /** {@code lr-0.01_optimizer-sgd} for {@code {lr: 0.01, optimizer: sgd}}; {@code default} for an empty config. */
    public static String of(Config config) {
        if (config.isEmpty()) return "default";
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : config.asMap().entrySet()) {
            if (sb.length() > 0) sb.append('_');
            sb.append(e.getKey()).append('-').append(text(e.getValue()));
        }
        return slugify(sb.toString());
    }

    /** Numbers as in the config's canonical JSON, so the slug is the same on every JDK. */
    private static String text(Object v) {
        return v instanceof Double d ? NumberOutput.toString(d, true) : String.valueOf(v);
    }
}
