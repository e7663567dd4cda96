package dev.retort.objective;

import dev.retort.PlanException;
import dev.retort.space.Config;

import java.util.ArrayList;
import java.util.List;

/**
 * One argv element, parsed once: literal text around <code>{name}</code> placeholders, with <code>{{</code>
 * and <code>}}</code> standing for literal braces.
 */
final class ArgTemplate {
    private static final String SYNTAX = "'{name}' for a parameter, '{{' and '}}' for literal braces";

    private final String source;
    private final String key;
    /** literals.size() == names.size() + 1; literal i precedes placeholder i. */
    private final List<String> literals;
    private final List<String> names;

    private ArgTemplate(String source, String key, List<String> literals, List<String> names) {
        this.source = source;
        this.key = key;
        this.literals = literals;
        this.names = names;
    }

    /** Parses {@code source}; {@code key} (e.g. {@code objective.command[2]}) and {@code where} go into errors. */
    static ArgTemplate parse(String source, String key, String where) {
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            boolean doubled = i + 1 < source.length() && source.charAt(i + 1) == c;
            if ((c == '{' || c == '}') && doubled) {
                text.append(c);
                i += 2;
            } else if (c == '}') {
                throw PlanException.at(where, key, source, "has an unmatched '}' at column " + (i + 1), SYNTAX);
            } else if (c == '{') {
                int end = source.indexOf('}', i + 1);
                int nested = source.indexOf('{', i + 1);
                if (end < 0 || (nested >= 0 && nested < end))
                    throw PlanException.at(where, key, source, "has an unclosed '{' at column " + (i + 1), SYNTAX);
                if (end == i + 1)
                    throw PlanException.at(where, key, source, "has an empty placeholder '{}' at column " + (i + 1), SYNTAX);
                literals.add(text.toString());
                text.setLength(0);
                names.add(source.substring(i + 1, end));
                i = end + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        literals.add(text.toString());
        return new ArgTemplate(source, key, List.copyOf(literals), List.copyOf(names));
    }

    String source() {
        return source;
    }

    /** The parameter names this element refers to, in order of appearance (may repeat). */
    List<String> names() {
        return names;
    }

    /**
     * The element for {@code config}, or null when it has placeholders and none of their parameters is in
     * {@code config} (a conditional parameter of another branch: the element is dropped).
     */
    String render(Config config) {
        if (names.isEmpty()) return literals.get(0);
        int present = 0;
        for (String n : names) if (config.has(n)) present++;
        if (present == 0) return null;
        if (present < names.size()) {
            List<String> absent = names.stream().filter(n -> !config.has(n)).distinct().toList();
            throw new TrialFailedException(key + ": '" + source + "' mixes parameters of this trial with "
                    + absent + ", which this trial does not have; an argument is dropped only when all its"
                    + " parameters are absent, so split it into separate arguments");
        }
        StringBuilder sb = new StringBuilder(literals.get(0));
        for (int k = 0; k < names.size(); k++) {
            sb.append(renderValue(config.get(names.get(k)))).append(literals.get(k + 1));
        }
        return sb.toString();
    }

    /** Long as digits, Double exactly as in {@link Config#toJson()}, String raw, Boolean true/false. */
    static String renderValue(Object v) {
        if (v instanceof Double) {
            String json = Config.of("v", v).toJson(); // {"v":<number>}
            return json.substring(5, json.length() - 1);
        }
        return String.valueOf(v);
    }
}
