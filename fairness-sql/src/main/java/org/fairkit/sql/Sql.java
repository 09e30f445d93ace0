package org.fairkit.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL text with its bind values in order of appearance: identifiers enter the text only through
 * {@link SqlIdentifiers}, values only as {@code ?} with their bind. Package-private plumbing of {@link SqlSource}.
 */
final class Sql {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> binds = new ArrayList<>();

    /** Appends SQL text built by this module (never a user's value). */
    Sql append(String s) {
        text.append(s);
        return this;
    }

    /** Appends {@code ?} bound to {@code value}. */
    Sql bind(Object value) {
        text.append('?');
        binds.add(value);
        return this;
    }

    /** Appends {@code ?, ?, ...} bound to the values. */
    Sql binds(List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            bind(values.get(i));
        }
        return this;
    }

    /** Prepares the statement and binds every value. */
    PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement st = c.prepareStatement(text.toString());
        try {
            for (int i = 0; i < binds.size(); i++) {
                Object v = binds.get(i);
                if (v instanceof Double) {
                    st.setDouble(i + 1, (Double) v);
                } else {
                    st.setString(i + 1, (String) v);
                }
            }
            return st;
        } catch (SQLException | RuntimeException e) {
            st.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return text + " " + binds;
    }
}
