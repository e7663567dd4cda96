package dev.retort.space;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retort.BugException;
import dev.retort.PlanException;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The canonical JSON form of a {@link Space}: an object of factors in declaration order; a plain list is an
 * array, other domains are {@code {"kind":[args]}} (followed by {@code "prior":{"value":v,"confidence":"high"}}
 * when the factor has a prior), a map of levels is {@code {"levels":[[value, space], ...]}}
 * (pairs, so that level values keep their type).
 */
final class SpaceJson {
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SpaceJson() {
    }

    static String write(Space space) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            write(g, space);
        } catch (IOException e) {
            throw new BugException("writing space JSON to a string failed", e);
        }
        return w.toString();
    }

    private static void write(JsonGenerator g, Space space) throws IOException {
        g.writeStartObject();
        for (Factor f : space.factors()) {
            g.writeFieldName(f.name());
            if (f instanceof Factor.Plain p) {
                boolean bare = p.domain().kind().equals("list");
                if (!bare) {
                    g.writeStartObject();
                    g.writeFieldName(p.domain().kind());
                }
                g.writeStartArray();
                for (Object a : p.domain().args()) Config.writeScalar(g, a);
                g.writeEndArray();
                if (p.prior() != null) { // only then, so spaces without priors keep their stored text and hashes
                    g.writeFieldName("prior");
                    g.writeStartObject();
                    g.writeFieldName("value");
                    Config.writeScalar(g, p.prior().value());
                    g.writeStringField("confidence", p.prior().confidence());
                    g.writeEndObject();
                }
                if (!bare) g.writeEndObject();
            } else {
                Levels levels = ((Factor.Branch) f).levels();
                g.writeStartObject();
                g.writeFieldName("levels");
                g.writeStartArray();
                for (int i = 0; i < levels.size(); i++) {
                    g.writeStartArray();
                    Config.writeScalar(g, levels.values().get(i));
                    write(g, levels.subSpace(i));
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }
        g.writeEndObject();
    }

    static Space read(String json) {
        try {
            return read(MAPPER.readTree(json), "space");
        } catch (JsonProcessingException e) {
            throw new PlanException("space JSON is not valid JSON: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            if (e instanceof PlanException) throw e;
            throw new PlanException("space JSON is malformed (" + e + "): " + json);
        }
    }

    private static Space read(JsonNode node, String path) {
        if (!node.isObject()) throw PlanException.at(null, path, node, "is not a JSON object", "an object of factors");
        SpaceBuilder b = Space.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode v = e.getValue();
            String key = path + "." + name;
            if (v.isArray()) {
                b.factor(name, ListDomain.of("list", null, key, scalars(v, key)), null);
            } else if (v.isObject() && v.size() == 1 && v.has("levels")) {
                Levels levels = Levels.of();
                for (JsonNode pair : v.get("levels")) {
                    Object level = scalar(pair.get(0), key);
                    levels = levels.level(level, read(pair.get(1), key + "." + level), null, key);
                }
                b.levels(name, levels, null);
            } else if (v.isObject() && (v.size() == 1 || v.size() == 2 && v.has("prior"))) {
                String kind = null;
                for (Iterator<String> ks = v.fieldNames(); ks.hasNext(); ) {
                    String k = ks.next();
                    if (!k.equals("prior")) kind = k;
                }
                if (kind == null) throw PlanException.at(null, key, v, "is not a factor", "{\"kind\": [args]} beside \"prior\"");
                Domain d = Forms.domain(null, key + "." + kind, kind, scalars(v.get(kind), key));
                JsonNode p = v.get("prior");
                Prior prior = p == null ? null : Prior.of(null, key + ".prior", d, scalar(p.path("value"), key + ".prior.value"),
                        p.path("confidence").textValue());
                b.factor(name, d, prior, null);
            } else {
                throw PlanException.at(null, key, v, "is not a factor", "an array, {\"kind\": [args]} or {\"levels\": [...]}");
            }
        }
        return b.build();
    }

    private static List<Object> scalars(JsonNode array, String key) {
        List<Object> out = new ArrayList<>();
        for (JsonNode n : array) out.add(scalar(n, key));
        return out;
    }

    private static Object scalar(JsonNode n, String key) {
        if (n.isTextual()) return n.textValue();
        if (n.isBoolean()) return n.booleanValue();
        if (n.isIntegralNumber() && n.canConvertToLong()) return n.longValue();
        if (n.isFloatingPointNumber()) return n.doubleValue();
        throw PlanException.at(null, key, n, "is not a scalar", "strings, integers, floats and booleans");
    }
}
