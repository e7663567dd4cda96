package dev.retort.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Prepared statements cached per connection: the same SQL text is prepared once. */
public interface Statements {
    PreparedStatement get(String sql) throws SQLException;
}
