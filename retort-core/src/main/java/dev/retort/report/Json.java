package dev.retort.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.retort.BugException;

/**
 * The JSON writer of every report: pretty-printed with two-space indents and '\n' line ends on every platform,
 * numbers in Jackson's locale-independent form, one trailing newline. Reusable by extensions' reports.
 */
public final class Json {
    private static final ObjectWriter PRETTY;

    static {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        PRETTY = new ObjectMapper().writer(pp);
    }

    private Json() {
    }

    /** {@code value} (maps, lists, numbers, strings, booleans, null) as one pretty JSON document. */
    public static String pretty(Object value) {
        try {
            return PRETTY.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new BugException("cannot write a report as JSON: " + e.getMessage(), e);
        }
    }

    /** One value as compact JSON, for a nested object in a flat cell. */
    static String compact(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new BugException("cannot write a cell as JSON: " + value, e);
        }
    }
}
