package org.fairkit.sql;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Quotes table and column names for the database at hand, so a name is never concatenated into SQL as written.
 *
 * <p>The quote comes from the driver ({@link DatabaseMetaData#getIdentifierQuoteString()}, {@code "} for DuckDB and
 * PostgreSQL); a quote inside the name is doubled (SQL:2016 &sect;5.2, delimited identifiers), so {@code a"b} becomes
 * {@code "a""b"} and a name cannot end the identifier early. Refused: an empty name, a name holding NUL or another
 * control character (no database stores them reliably), and, for a driver without identifier quoting (quote string
 * {@code " "}), every name that is not a plain {@code [A-Za-z_][A-Za-z0-9_]*}.
 */
public final class SqlIdentifiers {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String quote;

    private SqlIdentifiers(String quote) {
        this.quote = quote;
    }

    /**
     * @param metaData the connection's metadata
     * @return the quoting of that database
     * @throws SQLException if the driver cannot say
     */
    public static SqlIdentifiers of(DatabaseMetaData metaData) throws SQLException {
        String q = metaData.getIdentifierQuoteString();
        return new SqlIdentifiers(q == null || q.isBlank() ? "" : q.strip());
    }

    /** The quoting for a given quote string ({@code ""} or blank: the driver does not quote identifiers). */
    static SqlIdentifiers withQuote(String quote) {
        return new SqlIdentifiers(quote == null || quote.isBlank() ? "" : quote.strip());
    }

    /**
     * @param role what the name is, for the error message (e.g. {@code column 'y_true' (label)})
     * @param name a table or column name, as the database knows it (case included)
     * @return the quoted identifier
     * @throws IllegalArgumentException if the name cannot be quoted safely
     */
    public String quote(String role, String name) {
        if (name.isEmpty()) {
            throw SqlErrors.badIdentifier(role, name, "an empty name");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw SqlErrors.badIdentifier(role, name, "a control character at index " + i);
            }
        }
        if (quote.isEmpty()) {
            if (!PLAIN.matcher(name).matches()) {
                throw SqlErrors.badIdentifier(role, name,
                        "characters the driver cannot quote (it reports no identifier quote string)");
            }
            return name;
        }
        return quote + name.replace(quote, quote + quote) + quote;
    }
}
