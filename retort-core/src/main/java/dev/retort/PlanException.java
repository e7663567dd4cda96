package dev.retort;

/**
 * A mistake in what the user gave Retort: a plan, a flag, a data file. The CLI prints {@link #getMessage()}
 * alone, with no stack trace, and exits with code 2. Messages name the place (file, line, key), the value
 * and what is allowed, e.g. {@code plan.yaml:7: space.x1.linspace: [-5, 10] has 2 values; allowed: [min, max, n]}.
 */
public class PlanException extends RetortException {
    public PlanException(String message) {
        super(message);
    }

    public PlanException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Builds the uniform {@code where: key: value ...; allowed: ...} message. */
    public static PlanException at(String where, String key, Object value, String problem, String allowed) {
        StringBuilder sb = new StringBuilder();
        if (where != null && !where.isEmpty()) sb.append(where).append(": ");
        if (key != null && !key.isEmpty()) sb.append(key).append(": ");
        if (value != null) sb.append(render(value)).append(' ');
        sb.append(problem);
        if (allowed != null && !allowed.isEmpty()) sb.append("; allowed: ").append(allowed);
        return new PlanException(sb.toString());
    }

    private static String render(Object value) {
        String s = value instanceof String str ? "'" + str + "'" : String.valueOf(value);
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
