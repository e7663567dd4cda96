package dev.retort.objective;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Finds a finished program's result: {@code result.json} in the trial directory, else the last stdout line
 * that is a JSON object. Integers come back as {@code Long}, other numbers as {@code Double}; NaN and
 * infinities are accepted because Python's {@code json.dumps} writes them for diverged metrics.
 */
final class ResultReader {
    static final String RESULT_FILE = "result.json";
    /** How much of the end of stdout.log is searched for the result line. */
    static final int STDOUT_TAIL_BYTES = 64 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private ResultReader() {
    }

    static Map<String, Object> read(Path trialDir, Path stdoutLog) throws IOException {
        Path resultFile = trialDir.resolve(RESULT_FILE);
        String text;
        try {
            text = Files.readString(resultFile);
        } catch (NoSuchFileException e) {
            text = null;
        }
        if (text != null) {
            Map<String, Object> m = parseObject(text);
            if (m == null) {
                throw new TrialFailedException(resultFile + " is not a JSON object: " + abbreviate(text.strip()));
            }
            return m;
        }
        List<String> lines = FileTail.lines(stdoutLog, STDOUT_TAIL_BYTES);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.startsWith("{") && line.endsWith("}")) {
                Map<String, Object> m = parseObject(line);
                if (m != null) return m;
            }
        }
        throw new TrialFailedException("produced no result: no " + RESULT_FILE + " in " + trialDir
                + " and no JSON object line on stdout");
    }

    /** The object's entries, or null when {@code text} is not exactly one JSON object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(String text) {
        try {
            return JSON.readValue(text, Map.class); // throws for anything but one object
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }
}
