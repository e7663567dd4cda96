package dev.retort.cli;

import dev.retort.PlanException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A store as given to a launch command: a PostgreSQL URL ({@code postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?schema=S]},
 * {@code postgres://} too), which many hosts can share, or anything else, taken as a local experiment directory.
 * {@link #withoutPassword()} is the URL with its password removed (from the user part and from
 * {@code password=}/{@code sslpassword=} parameters): the only form a launch file, or a message, may hold. The
 * URL as given is not kept.
 */
record StoreUrl(boolean shared, String withoutPassword, boolean hadPassword) {
    static final String EXAMPLE = "postgresql://USER@HOST[:PORT]/DB";

    static StoreUrl parse(String flag, String value) {
        if (value == null || value.isBlank())
            throw PlanException.at(null, flag, null, "is missing", "a PostgreSQL store URL, " + EXAMPLE + ", given here or in RETORT_STORE");
        String lower = value.toLowerCase(Locale.ROOT);
        String scheme = lower.startsWith("postgresql://") ? "postgresql://" : lower.startsWith("postgres://") ? "postgres://" : null;
        if (scheme == null) return new StoreUrl(false, value, false);
        String rest = value.substring(scheme.length());
        int q = rest.indexOf('?');
        String before = q < 0 ? rest : rest.substring(0, q), query = q < 0 ? null : rest.substring(q + 1);
        boolean hadPassword = false;
        // the user part ends at the last '@' before the query, so an unencoded '@' or '/' in a password is still cut
        int at = before.lastIndexOf('@');
        String user = at < 0 ? null : before.substring(0, at), hostPath = at < 0 ? before : before.substring(at + 1);
        if (user != null && user.indexOf(':') >= 0) {
            user = user.substring(0, user.indexOf(':'));
            hadPassword = true;
        }
        List<String> kept = new ArrayList<>();
        if (query != null) {
            for (String p : query.split("&")) {
                String key = p.contains("=") ? p.substring(0, p.indexOf('=')) : p;
                if (key.equalsIgnoreCase("password") || key.equalsIgnoreCase("sslpassword")) hadPassword = true;
                else if (!p.isEmpty()) kept.add(p);
            }
        }
        String clean = redact(scheme, user, hostPath, kept.isEmpty() ? null : String.join("&", kept));
        String host = hostPath.contains("/") ? hostPath.substring(0, hostPath.indexOf('/')) : hostPath;
        if (host.isEmpty() || host.startsWith(":"))
            throw PlanException.at(null, flag, clean, "names no host", "a PostgreSQL store URL, " + EXAMPLE);
        return new StoreUrl(true, clean, hadPassword);
    }

    private static String redact(String scheme, String user, String hostPath, String query) {
        return scheme + (user == null ? "" : user + "@") + hostPath + (query == null ? "" : "?" + query);
    }
}
