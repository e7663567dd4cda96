package dev.retort.store;

import dev.retort.PlanException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where an experiment lives: its store (a SQLite experiment directory, or a PostgreSQL server shared by many
 * experiments, found there by name) and the artifact root under which its trial directories and logs go.
 * Nothing above the store looks further into it than this value.
 */
public sealed interface StoreLocation {

    /** The directory that holds {@code trials/} and {@code logs/}. */
    Path artifacts();

    /** The experiment's name in the store, or null when the store holds one experiment (a SQLite directory). */
    String experiment();

    /** The location for messages; never holds a password. */
    String redacted();

    /** True when the store holds this experiment alone, so the store itself may be missing or empty. */
    boolean ownsStore();

    /** This location with another experiment name (a run names its experiment after the plan). */
    StoreLocation withExperiment(String name);

    /** Arguments that make {@code retort worker} join this location, without any password. */
    List<String> workerArgs();

    /** Environment a child process needs to join this location (a resolved password goes here, never in arguments). */
    Map<String, String> workerEnv();

    /** A SQLite experiment directory: {@code <dir>/retort.db}, trial directories beside it. */
    record Directory(Path dir) implements StoreLocation {
        public static final String DB_FILE = "retort.db";

        public Path file() {
            return dir.resolve(DB_FILE);
        }

        @Override
        public Path artifacts() {
            return dir;
        }

        @Override
        public String experiment() {
            return null;
        }

        @Override
        public String redacted() {
            return dir.toString();
        }

        @Override
        public boolean ownsStore() {
            return true;
        }

        @Override
        public StoreLocation withExperiment(String name) {
            return this;
        }

        @Override
        public List<String> workerArgs() {
            return List.of(dir.toString());
        }

        @Override
        public Map<String, String> workerEnv() {
            return Map.of();
        }
    }

    /**
     * A PostgreSQL database: {@code postgresql://user[:password]@host[:port]/db[?schema=name]}; the tables are in
     * {@code schema} (default {@code retort}), shared by every experiment stored there.
     *
     * @param password the password from the URL or the environment, or null (then {@code ~/.pgpass} is asked)
     */
    record Server(String user, String password, String host, int port, String database, String schema,
                  String experiment, Path artifacts, Duration outage) implements StoreLocation {
        public static final String DEFAULT_SCHEMA = "retort";
        /** How long workers wait for a lost server by default ({@code ?outage=} in the URL). */
        public static final Duration DEFAULT_OUTAGE = Duration.ofMinutes(5);

        /** The URL's query: the schema, and the outage limit when it is not the default. */
        private String query() {
            return "?schema=" + schema + (outage.equals(DEFAULT_OUTAGE) ? "" : "&outage=" + outage.toMillis() + "ms");
        }

        @Override
        public String redacted() {
            return "postgresql://" + user + (password != null ? ":***" : "") + "@" + host + ":" + port + "/" + database
                    + query();
        }

        /** The JDBC URL: no user and no password (they go in the connection properties). */
        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        @Override
        public String toString() {
            return redacted() + " experiment " + experiment;
        }

        @Override
        public boolean ownsStore() {
            return false;
        }

        @Override
        public StoreLocation withExperiment(String name) {
            return new Server(user, password, host, port, database, schema, name, artifacts, outage);
        }

        @Override
        public List<String> workerArgs() {
            String url = "postgresql://" + user + "@" + host + ":" + port + "/" + database + query();
            return List.of("--store", url, "--experiment", experiment, "--artifacts", artifacts.toString());
        }

        @Override
        public Map<String, String> workerEnv() {
            return password == null ? Map.of() : Map.of(PASSWORD_ENV, password);
        }
    }

    /** Environment variable with the store's password (read before {@code PGPASSWORD}). */
    String PASSWORD_ENV = "RETORT_STORE_PASSWORD";

    Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    Pattern USERINFO = Pattern.compile("(//[^/@:]*):[^/@]*@");

    /** Hides a password in a URL that may not parse: {@code //user:secret@} becomes {@code //user:***@}. */
    static String redact(String url) {
        return url == null ? null : USERINFO.matcher(url).replaceFirst("$1:***@");
    }

    /**
     * Reads a store URL given by {@code source} (a flag such as {@code --store}, or {@code RETORT_STORE}).
     *
     * @param env where {@code RETORT_STORE_PASSWORD} and {@code PGPASSWORD} are looked up (System.getenv in the CLI)
     * @throws PlanException naming {@code source}, the redacted value and what is allowed
     */
    static Server parse(String source, String url, String experiment, Path artifacts, Map<String, String> env) {
        String allowed = "postgresql://user[:password]@host[:port]/database[?schema=name][&outage=duration]";
        URI u;
        try {
            u = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw PlanException.at(null, source, redact(url), "is not a URL (" + e.getReason() + ")", allowed);
        }
        String scheme = u.getScheme();
        if (scheme == null || !(scheme.equals("postgresql") || scheme.equals("postgres")))
            throw PlanException.at(null, source, redact(url), "has scheme " + (scheme == null ? "none" : "'" + scheme + "'")
                    + "; only PostgreSQL servers are stores given by URL (a SQLite store is a directory)", allowed);
        if (u.getHost() == null || u.getHost().isEmpty())
            throw PlanException.at(null, source, redact(url), "names no host", allowed);
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        String db = decode(path.startsWith("/") ? path.substring(1) : path);
        if (db.isEmpty() || db.contains("/")) throw PlanException.at(null, source, redact(url), "names no database (the path after host:port)", allowed);
        String info = u.getRawUserInfo();
        String user = null, password = null;
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            if (colon >= 0) password = decode(info.substring(colon + 1));
        }
        if (user == null || user.isEmpty()) throw PlanException.at(null, source, redact(url), "names no user (user@host)", allowed);
        String schema = Server.DEFAULT_SCHEMA;
        Map<String, String> query = new LinkedHashMap<>();
        if (u.getRawQuery() != null) {
            for (String kv : u.getRawQuery().split("&")) {
                if (kv.isEmpty()) continue;
                int eq = kv.indexOf('=');
                query.put(decode(eq < 0 ? kv : kv.substring(0, eq)), eq < 0 ? "" : decode(kv.substring(eq + 1)));
            }
        }
        Duration outage = Server.DEFAULT_OUTAGE;
        for (Map.Entry<String, String> q : query.entrySet()) {
            switch (q.getKey()) {
                case "schema" -> schema = q.getValue();
                case "outage" -> {
                    try {
                        outage = dev.retort.objective.Durations.parse(q.getValue());
                    } catch (IllegalArgumentException | ArithmeticException e) {
                        throw PlanException.at(null, source, redact(url), "has outage '" + q.getValue() + "'",
                                "a duration such as 30s, 5m or 1h, at most " + dev.retort.objective.Durations.MAX_TEXT);
                    }
                }
                default -> throw PlanException.at(null, source, redact(url), "has the parameter '" + q.getKey() + "'",
                        allowed + " (schema and outage are the only parameters)");
            }
        }
        if (!SCHEMA.matcher(schema).matches())
            throw PlanException.at(null, source, redact(url), "has schema '" + schema + "'", "a lower-case SQL name: letters, digits, _, not starting with a digit");
        if (password == null || password.isEmpty()) password = nonEmpty(env.get(PASSWORD_ENV));
        if (password == null) password = nonEmpty(env.get("PGPASSWORD"));
        int port = u.getPort() < 0 ? 5432 : u.getPort();
        return new Server(user, password, u.getHost(), port, db, schema, experiment, artifacts, outage);
    }

    /** The store of {@code url} if one is given (flag or environment), else the SQLite directory {@code dir}. */
    static StoreLocation of(String source, String url, String experiment, Path dir, Map<String, String> env) {
        if (url == null || url.isBlank()) return new Directory(dir);
        return parse(source, url, experiment, dir, env);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
