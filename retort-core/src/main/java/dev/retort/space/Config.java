package dev.retort.space;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.retort.BugException;
import dev.retort.PlanException;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * One point of a parameter space: an immutable map from parameter name to a scalar value, sorted by name,
 * usable as a key.
 *
 * <p>Values are {@code String}, {@code Long}, {@code Double} or {@code Boolean}. Numbers are canonicalised
 * on the way in: every integral Java type becomes {@code Long}, {@code Float} becomes the {@code Double}
 * with the same decimal text, {@code -0.0} becomes {@code 0.0}. Integers and floats stay distinct:
 * {@code {lr: 1}} and {@code {lr: 1.0}} are two different configs, because a command objective receives
 * {@code 1} in one and {@code 1.0} in the other. NaN and infinities are refused.
 *
 * <p>{@link #toJson()} is the canonical form: keys in {@link String#compareTo} order, no white space,
 * doubles in shortest round-trip form (Jackson's Schubfach writer, so the text is the same on every JDK).
 * {@link #hash()} is the SHA-256 of that text's UTF-8 bytes, in lower-case hex.
 */
public final class Config implements Comparable<Config> {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();
    private static final Config EMPTY = new Config(new TreeMap<>());

    private final TreeMap<String, Object> values;
    private String json;
    private Hashes hashes; // computed once; final fields make it safe to hand to another thread

    /** The hex SHA-256 of the canonical JSON and its first 64 bits (the store's key). */
    private record Hashes(String hex, long key) {
    }

    private Config(TreeMap<String, Object> values) {
        this.values = values;
    }

    public static Config empty() {
        return EMPTY;
    }

    /** Copies and canonicalises {@code values}; throws {@link PlanException} for a value that is no scalar. */
    public static Config of(Map<String, ?> values) {
        TreeMap<String, Object> copy = new TreeMap<>();
        values.forEach((k, v) -> copy.put(k, canonical(k, v)));
        return new Config(copy);
    }

    /** {@code Config.of("x", 1, "opt", "sgd")}: alternating names and values. */
    public static Config of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("names and values must alternate");
        TreeMap<String, Object> copy = new TreeMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String k = (String) namesAndValues[i];
            copy.put(k, canonical(k, namesAndValues[i + 1]));
        }
        return new Config(copy);
    }

    /** This config with one more (or one replaced) parameter. */
    public Config with(String name, Object value) {
        TreeMap<String, Object> copy = new TreeMap<>(values);
        copy.put(name, canonical(name, value));
        return new Config(copy);
    }

    /** This config with every parameter of {@code other} added (other wins on a clash). */
    public Config with(Config other) {
        if (other.values.isEmpty()) return this;
        TreeMap<String, Object> copy = new TreeMap<>(values);
        copy.putAll(other.values);
        return new Config(copy);
    }

    static Object canonical(String key, Object v) {
        if (v instanceof String || v instanceof Boolean || v instanceof Long) return v;
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof Double d) return checkedDouble(key, d);
        if (v instanceof Float f) return checkedDouble(key, Double.parseDouble(Float.toString(f)));
        if (v instanceof BigInteger b) {
            if (b.bitLength() < 64) return b.longValue();
            throw PlanException.at(null, key, v, "is an integer outside the 64-bit range", "-2^63 .. 2^63-1");
        }
        if (v instanceof BigDecimal b) return checkedDouble(key, b.doubleValue());
        if (v instanceof Character c) return String.valueOf(c);
        throw PlanException.at(null, key, v, "is not a scalar (" + (v == null ? "null" : v.getClass().getSimpleName()) + ")",
                "a string, an integer, a float or a boolean");
    }

    private static Double checkedDouble(String key, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d))
            throw PlanException.at(null, key, d, "is not a finite number", "finite floats");
        return d == 0.0 ? 0.0 : d; // folds -0.0 into 0.0
    }

    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    public Iterable<String> names() {
        return Collections.unmodifiableSet(values.keySet());
    }

    public int size() {
        return values.size();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The raw value, or null when absent. */
    public Object get(String name) {
        return values.get(name);
    }

    public double getDouble(String name) {
        Object v = require(name);
        if (v instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException("parameter '" + name + "' is " + v + ", not a number");
    }

    public long getLong(String name) {
        Object v = require(name);
        if (v instanceof Long l) return l;
        if (v instanceof Double d && d == Math.rint(d)) return d.longValue();
        throw new IllegalArgumentException("parameter '" + name + "' is " + v + ", not an integer");
    }

    public int getInt(String name) {
        return Math.toIntExact(getLong(name));
    }

    public String getString(String name) {
        return String.valueOf(require(name));
    }

    public boolean getBoolean(String name) {
        Object v = require(name);
        if (v instanceof Boolean b) return b;
        throw new IllegalArgumentException("parameter '" + name + "' is " + v + ", not a boolean");
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) throw new IllegalArgumentException("no parameter '" + name + "' in " + toJson());
        return v;
    }

    /** Canonical JSON; see the class comment. */
    public String toJson() {
        String j = json;
        if (j == null) {
            StringWriter w = new StringWriter(16 + values.size() * 16);
            try (JsonGenerator g = JSON.createGenerator(w)) {
                g.writeStartObject();
                for (Map.Entry<String, Object> e : values.entrySet()) {
                    g.writeFieldName(e.getKey());
                    writeScalar(g, e.getValue());
                }
                g.writeEndObject();
            } catch (IOException e) {
                throw new BugException("writing config JSON to a string failed", e);
            }
            json = j = w.toString();
        }
        return j;
    }

    static void writeScalar(JsonGenerator g, Object v) throws IOException {
        if (v instanceof String s) g.writeString(s);
        else if (v instanceof Long l) g.writeNumber(l);
        else if (v instanceof Double d) g.writeNumber(d);
        else if (v instanceof Boolean b) g.writeBoolean(b);
        else throw new BugException("non-canonical value in a config: " + v);
    }

    /** Lower-case hex SHA-256 of {@link #toJson()}'s UTF-8 bytes. */
    public String hash() {
        return hashes().hex();
    }

    private Hashes hashes() {
        Hashes h = hashes;
        if (h == null) {
            String hex = sha256Hex(toJson());
            hashes = h = new Hashes(hex, Long.parseUnsignedLong(hex.substring(0, 16), 16));
        }
        return h;
    }

    /** First 8 hex digits of {@link #hash()}, for names and tables. */
    public String shortHash() {
        return hash().substring(0, 8);
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new BugException("the JDK has no SHA-256", e);
        }
    });
    private static final HexFormat HEX = HexFormat.of();

    public static String sha256Hex(String text) {
        return HEX.formatHex(SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The first 64 bits of {@link #hash()} as a signed long: a compact key (stores check it for collisions). */
    public long hash64() {
        return hashes().key();
    }

    /** Parses canonical (or any flat) JSON back into a config. */
    public static Config fromJson(String text) {
        TreeMap<String, Object> m = new TreeMap<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("config JSON must be an object: " + text);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                JsonToken t = p.nextToken();
                Object v = switch (t) {
                    case VALUE_STRING -> p.getText();
                    case VALUE_NUMBER_INT -> p.getLongValue();
                    case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                    case VALUE_TRUE -> Boolean.TRUE;
                    case VALUE_FALSE -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("config value of '" + k + "' is not a scalar: " + text);
                };
                m.put(k, canonical(k, v));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not config JSON: " + text, e);
        }
        return new Config(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Config c && values.equals(c.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Orders by canonical JSON: a total order, the same on every machine. */
    @Override
    public int compareTo(Config o) {
        return toJson().compareTo(o.toJson());
    }

    @Override
    public String toString() {
        return toJson();
    }

    Iterator<Map.Entry<String, Object>> entries() {
        return values.entrySet().iterator();
    }
}
