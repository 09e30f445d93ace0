package org.fairkit.cli;

/** How a command prints its result: {@code --format table} (for people, the default) or {@code json}. */
enum Format {
    /** Fixed-width text ({@code Locale.ROOT}). */
    TABLE,
    /** One JSON document (see {@link CliJson}). */
    JSON
}
