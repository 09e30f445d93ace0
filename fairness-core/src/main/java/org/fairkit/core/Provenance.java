package org.fairkit.core;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Where a report's numbers come from: the library version, the full configuration (seeds included), the input's
 * row count and SHA-256 fingerprint, and when it was evaluated.
 *
 * <p>The input fingerprint has one definition whatever door the data came through (in memory, a streamed CSV file,
 * a monitor window): a SHA-256 over the rows' values, see {@code org.fairkit.core.internal.Fingerprint}. When the
 * input was a file, the SHA-256 of its bytes is kept beside it, so anyone can check the file with {@code sha256sum}.
 *
 * <p>The fingerprint may be <em>deferred</em> ({@link #deferred}): an in-memory evaluation does not hash its
 * rows (a SHA-256 over every row costs more than the whole tally) until someone reads {@link #inputSha256()}, which
 * then computes it once, with the same value it would have had eagerly, and keeps it. Until then the provenance
 * holds the input data it will hash. {@code equals}, {@code hashCode} and {@code toString} read the fingerprint.
 *
 * <p>A value: immutable, equal when every component is equal (formerly a record; the accessors kept their names).
 */
public final class Provenance {
    private final String libraryVersion;
    private final Map<String, String> configuration;
    private final long rows;
    private final Instant evaluatedAt;
    private final Optional<String> inputFileSha256;
    private volatile Supplier<String> pending;
    private volatile String inputSha256;

    private Provenance(String libraryVersion, Map<String, String> configuration, long rows, String inputSha256,
            Supplier<String> pending, Instant evaluatedAt, Optional<String> inputFileSha256) {
        this.libraryVersion = Objects.requireNonNull(libraryVersion, "libraryVersion");
        this.configuration = Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
        this.rows = rows;
        this.inputSha256 = inputSha256;
        this.pending = pending;
        this.evaluatedAt = Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        this.inputFileSha256 = Objects.requireNonNull(inputFileSha256, "inputFileSha256");
    }

    /**
     * Validates and copies, keeping the configuration's order.
     *
     * @param libraryVersion the FairKit version that computed the report
     * @param configuration every setting of the evaluation, by name, in a fixed order
     * @param rows the number of input rows
     * @param inputSha256 the input fingerprint, {@code FairnessData.fingerprint()} of the rows evaluated
     * @param evaluatedAt when the report was computed
     * @param inputFileSha256 the SHA-256 of the input file's bytes, when the rows were read from a file
     */
    public Provenance(String libraryVersion, Map<String, String> configuration, long rows, String inputSha256,
            Instant evaluatedAt, Optional<String> inputFileSha256) {
        this(libraryVersion, configuration, rows, Objects.requireNonNull(inputSha256, "inputSha256"), null,
                evaluatedAt, inputFileSha256);
    }

    /** A provenance of input that was not read from a file (no {@code inputFileSha256}). */
    public Provenance(String libraryVersion, Map<String, String> configuration, long rows, String inputSha256,
            Instant evaluatedAt) {
        this(libraryVersion, configuration, rows, inputSha256, evaluatedAt, Optional.empty());
    }

    /**
     * A provenance whose input fingerprint is computed on first read of {@link #inputSha256()} (once, then kept),
     * not now. The supplier must return the fingerprint the rows would have had eagerly (for in-memory data,
     * {@code FairnessData::fingerprint}).
     */
    public static Provenance deferred(String libraryVersion, Map<String, String> configuration, long rows,
            Supplier<String> inputSha256, Instant evaluatedAt) {
        return new Provenance(libraryVersion, configuration, rows, null,
                Objects.requireNonNull(inputSha256, "inputSha256"), evaluatedAt, Optional.empty());
    }

    /** @return the FairKit version that computed the report */
    public String libraryVersion() {
        return libraryVersion;
    }

    /** @return every setting of the evaluation, by name, in a fixed order */
    public Map<String, String> configuration() {
        return configuration;
    }

    /** @return the number of input rows */
    public long rows() {
        return rows;
    }

    /** @return the input fingerprint (64 hex digits), computed now if it was deferred and not yet read */
    public String inputSha256() {
        String s = inputSha256;
        if (s == null) {
            synchronized (this) {
                s = inputSha256;
                if (s == null) {
                    s = Objects.requireNonNull(pending.get(), "inputSha256");
                    inputSha256 = s;
                    pending = null;
                }
            }
        }
        return s;
    }

    /** @return whether the input fingerprint is known (computed or given), without computing it */
    public boolean inputSha256Known() {
        return inputSha256 != null;
    }

    /** @return when the report was computed */
    public Instant evaluatedAt() {
        return evaluatedAt;
    }

    /** @return the SHA-256 of the input file's bytes, when the rows were read from a file */
    public Optional<String> inputFileSha256() {
        return inputFileSha256;
    }

    /** @return this provenance with the SHA-256 of the input file's bytes (a deferred fingerprint stays deferred) */
    public Provenance withInputFileSha256(String fileSha256) {
        String known = inputSha256;
        return new Provenance(libraryVersion, configuration, rows, known, known != null ? null : this::inputSha256,
                evaluatedAt, Optional.of(fileSha256));
    }

    /** @return the version of fairness-core on the class path, from its build */
    public static String currentLibraryVersion() {
        return Version.VALUE;
    }

    /** The version read once, on first use. */
    private static final class Version {
        static final String VALUE = read();
    }

    private static String read() {
        try (InputStream in = Provenance.class.getResourceAsStream("fairkit-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Provenance)) {
            return false;
        }
        Provenance p = (Provenance) o;
        return rows == p.rows && libraryVersion.equals(p.libraryVersion) && configuration.equals(p.configuration)
                && evaluatedAt.equals(p.evaluatedAt) && inputFileSha256.equals(p.inputFileSha256)
                && inputSha256().equals(p.inputSha256());
    }

    @Override
    public int hashCode() {
        return Objects.hash(libraryVersion, configuration, rows, inputSha256(), evaluatedAt, inputFileSha256);
    }

    @Override
    public String toString() {
        return "Provenance[libraryVersion=" + libraryVersion + ", configuration=" + configuration + ", rows=" + rows
                + ", inputSha256=" + inputSha256() + ", evaluatedAt=" + evaluatedAt + ", inputFileSha256="
                + inputFileSha256 + "]";
    }
}
