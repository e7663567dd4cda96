package dev.retort.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.retort.BugException;
import dev.retort.PlanException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The manifest's JSON form: keys sorted at every level, two-space indents, '\n' line ends, numbers in
 * Jackson's locale-independent shortest round-trip form, one trailing newline. Equal content gives equal
 * bytes, so a SHA-256 of the text is a fingerprint of the content.
 */
public final class Canonical {
    static final ObjectMapper MAPPER = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private Canonical() {
    }

    /** Maps, lists, JSON trees and scalars as plain maps and lists (nested {@link JsonNode}s included). */
    public static Object plain(Object value) {
        return MAPPER.convertValue(value, Object.class);
    }

    /** Pretty canonical JSON with a trailing newline. */
    public static String json(Object value) {
        try {
            return PRETTY.writeValueAsString(plain(value)) + "\n";
        } catch (JsonProcessingException e) {
            throw new BugException("cannot write a manifest as JSON: " + e.getMessage(), e);
        }
    }

    /** Compact canonical JSON (sorted keys), for digests and one-line values. */
    public static String compact(Object value) {
        try {
            return MAPPER.writeValueAsString(plain(value));
        } catch (JsonProcessingException e) {
            throw new BugException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(plain(value));
    }

    public static JsonNode parse(String json, String what) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PlanException(what + ": not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    public static JsonNode read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new PlanException(file + ": cannot read: " + e.getMessage());
        }
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new BugException("no SHA-256 in this JVM", e);
        }
    }
}
