package dev.retort.store.jdbc;

import java.util.List;

/** Test access to the DDL splitter, to build a store of an older schema version by hand. */
public final class MigrationsAccess {
    private MigrationsAccess() {
    }

    public static List<String> split(String sql) {
        return Migrations.split(sql);
    }
}
