package dev.retort.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.engine.SearchStrategy;
import dev.retort.space.Space;

import java.util.Set;

/**
 * A search strategy that plans can name, found with {@link java.util.ServiceLoader} on the plan's class
 * loader (the Retort jar plus {@code --classpath}): list the class in
 * {@code META-INF/services/dev.retort.plan.SearchExtension}. Grid, random and TPE register this way.
 *
 * <p>An extension owns three things: its plan keys ({@code search: {NAME: {KEY: value, ...}}}, or the bare
 * {@code search: NAME}), its validation (through {@link SearchArgs}, whose refusals name file, line, key, value
 * and what is allowed), and its stored description: what {@link SearchStrategy#describe()} writes, which must
 * be {@code "NAME"} or {@code {"NAME": {...}}}, and {@link #stored} reads back so that {@code retort worker},
 * {@code status}, {@code results} and {@code export} rebuild the strategy from the store.
 */
public interface SearchExtension {
    /** The strategy's name: the key under {@code search:} and the key of its stored description. */
    String name();

    /** The keys allowed in {@code search: {NAME: {...}}}; any other key is refused naming the allowed ones. */
    Set<String> keys();

    /** The plan form, for messages listing the strategies, e.g. {@code {random: {trials: N, seed: S}}}. */
    String usage();

    /**
     * Reads the strategy's plan entry and checks it against the space; refuse a bad value with
     * {@link SearchArgs#error}.
     */
    SearchStrategy parse(SearchArgs args, Space space);

    /**
     * Rebuilds the strategy from its stored description.
     *
     * @param args the value under {@code NAME} in what {@link SearchStrategy#describe()} wrote, or a missing
     *             node for the bare {@code "NAME"}
     */
    SearchStrategy stored(JsonNode args);
}
