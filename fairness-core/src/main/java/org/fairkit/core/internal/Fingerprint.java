package org.fairkit.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one SHA-256 of FairKit, and the one definition of an input's fingerprint.
 *
 * <p>Every SHA-256 of FairKit (a report's input, a file written by a run, an audit-trail line) is written as 64
 * lower-case hex digits, computed here ({@link #sha256(byte[])}, {@link #sha256(Path)}).
 *
 * <p><b>The input fingerprint</b> ({@code Provenance.inputSha256}, JSON key {@code input_sha256}) identifies the
 * <em>values evaluated</em>, not the bytes they came in: the same rows give the same fingerprint whether they were
 * built in memory ({@code FairnessData.fingerprint()}), streamed from a CSV file ({@code CsvSource}) or fed to a
 * monitor window in batches ({@code Monitor}). It is computed incrementally by {@link Rows}, one row at a time, and
 * is the SHA-256 of this byte sequence (all integers big-endian; a <i>string</i> is its UTF-8 bytes preceded by
 * their count as a 4-byte integer):
 * <ol>
 * <li>the header: the string {@code "fairkit.rows/1"}, the number of columns as a 4-byte integer, then for every
 *     column its kind as one ASCII byte ({@code 'B'} a binary 0/1 value, {@code 'R'} a real number, {@code 'S'} a
 *     sensitive feature's level) followed by its name as a string. The columns come in this fixed order:
 *     <ul>
 *     <li>binary classification: {@code B label}, {@code B prediction}, {@code R score} (only when the data has
 *         scores), {@code R weight} (only when it has weights), then {@code S <feature>} for each sensitive
 *         feature in the data's order;</li>
 *     <li>regression: {@code R target}, {@code R prediction}, {@code R weight} (only when weighted), then
 *         {@code S <feature>} for each sensitive feature;</li>
 *     </ul></li>
 * <li>then every row in order, each cell in column order: a binary value as one byte (0 or 1); a real number as the
 *     8 bytes of its IEEE 754 binary64 bits ({@link Double#doubleToLongBits}, with {@code -0.0} written as
 *     {@code +0.0}, so values that compare equal hash equal); a level as a string.</li>
 * </ol>
 * Nothing follows the last row. Labels and predictions are hashed as the 0/1 values evaluated, not as the text a
 * file spelled them in ({@code yes}/{@code no}, {@code 1}/{@code 0}); a CSV file's own byte hash, which anyone can
 * check with {@code sha256sum}, is reported beside it as {@code input_file_sha256}. A monitor window hashes the
 * columns it evaluates: label, prediction, score when it keeps score histograms, weight when weighted, and its
 * grouping's features.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    /** @return a fresh SHA-256 digest, for content fed in pieces */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** @return the digest's hash, as 64 lower-case hex digits (the digest is reset) */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** @return the SHA-256 of the bytes, as 64 lower-case hex digits */
    public static String sha256(byte[] bytes) {
        return sha256(bytes, 0, bytes.length);
    }

    /** @return the SHA-256 of {@code bytes[offset, offset + length)}, as 64 lower-case hex digits */
    public static String sha256(byte[] bytes, int offset, int length) {
        MessageDigest md = sha256();
        md.update(bytes, offset, length);
        return hex(md);
    }

    /**
     * @return the SHA-256 of a file's bytes, as 64 lower-case hex digits, read in 64 KiB blocks
     * @throws IOException if the file cannot be read
     */
    public static String sha256(Path file) throws IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) >= 0;) {
                md.update(buf, 0, n);
            }
        }
        return hex(md);
    }

    /**
     * The incremental input fingerprint (defined in the {@linkplain Fingerprint class comment}): create it with the
     * columns, {@code accept} every row in order, then read {@link #hex()}. Not thread-safe.
     *
     * <pre>{@code
     * Fingerprint.Rows f = Fingerprint.Rows.binary(false, false, List.of("race"));
     * f.accept(1, 0, Double.NaN, 1.0, List.of("Black"));
     * String sha = f.hex();
     * }</pre>
     */
    public static final class Rows {
        private static final String VERSION = "fairkit.rows/1";
        private static final int CACHE = 1 << 16;

        private final boolean regression;
        private final boolean scores;
        private final boolean weights;
        private final int features;
        private final MessageDigest md = sha256();
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 13);
        private final Map<String, byte[]> encoded = new HashMap<>();
        private long rows;

        private Rows(boolean regression, boolean scores, boolean weights, List<String> sensitive) {
            this.regression = regression;
            this.scores = scores;
            this.weights = weights;
            this.features = sensitive.size();
            List<String> names = new ArrayList<>();
            StringBuilder kinds = new StringBuilder();
            if (regression) {
                kinds.append("RR");
                names.add("target");
                names.add("prediction");
            } else {
                kinds.append("BB");
                names.add("label");
                names.add("prediction");
                if (scores) {
                    kinds.append('R');
                    names.add("score");
                }
            }
            if (weights) {
                kinds.append('R');
                names.add("weight");
            }
            for (String s : sensitive) {
                kinds.append('S');
                names.add(Objects.requireNonNull(s, "sensitive feature name"));
            }
            string(VERSION);
            room(4);
            buf.putInt(names.size());
            for (int i = 0; i < names.size(); i++) {
                room(1);
                buf.put((byte) kinds.charAt(i));
                string(names.get(i));
            }
        }

        /**
         * The fingerprint of binary-classification rows.
         *
         * @param scores whether the rows carry a score column
         * @param weights whether they carry a weight column
         * @param sensitive the sensitive features' names, in the data's order
         */
        public static Rows binary(boolean scores, boolean weights, List<String> sensitive) {
            return new Rows(false, scores, weights, sensitive);
        }

        /**
         * The fingerprint of regression rows.
         *
         * @param weights whether the rows carry a weight column
         * @param sensitive the sensitive features' names, in the data's order
         */
        public static Rows regression(boolean weights, List<String> sensitive) {
            return new Rows(true, false, weights, sensitive);
        }

        /**
         * Adds one binary-classification row.
         *
         * @param label 0 or 1
         * @param prediction 0 or 1
         * @param score the score (ignored when the columns have no score)
         * @param weight the weight (ignored when the columns have no weight)
         * @param levels each sensitive feature's level, in column order
         * @return this
         */
        public Rows accept(int label, int prediction, double score, double weight, List<String> levels) {
            if (regression) {
                throw new IllegalStateException("these are regression columns; add rows with acceptRegression");
            }
            room(2);
            buf.put((byte) label).put((byte) prediction);
            if (scores) {
                real(score);
            }
            return rest(weight, levels);
        }

        /**
         * Adds one regression row.
         *
         * @param target the true value
         * @param prediction the predicted value
         * @param weight the weight (ignored when the columns have no weight)
         * @param levels each sensitive feature's level, in column order
         * @return this
         */
        public Rows acceptRegression(double target, double prediction, double weight, List<String> levels) {
            if (!regression) {
                throw new IllegalStateException("these are binary-classification columns; add rows with accept");
            }
            real(target);
            real(prediction);
            return rest(weight, levels);
        }

        private Rows rest(double weight, List<String> levels) {
            if (weights) {
                real(weight);
            }
            if (levels.size() != features) {
                throw new IllegalArgumentException("row " + rows + " has " + levels.size()
                        + " sensitive levels; expected " + features + ", one per sensitive feature");
            }
            for (String level : levels) {
                byte[] b = encoded.get(level);
                if (b == null) {
                    b = frame(level);
                    if (encoded.size() < CACHE) {
                        encoded.put(level, b);
                    }
                }
                put(b);
            }
            rows++;
            return this;
        }

        /**
         * Adds rows already encoded as the {@linkplain Fingerprint class comment} defines them (each cell in column
         * order, levels framed as {@link #level(String)} frames them), for readers that encode many rows at once
         * without building them (the CLI's byte-level CSV reader). The caller answers for the encoding: the result
         * equals {@link #accept} of the same rows only if the bytes are exactly theirs.
         *
         * @param bytes the encoded rows
         * @param offset where they start in {@code bytes}
         * @param length how many bytes
         * @param rowCount how many rows they are
         * @return this
         */
        public Rows acceptEncoded(byte[] bytes, int offset, int length, long rowCount) {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            if (rowCount < 0) {
                throw new IllegalArgumentException("rowCount must be >= 0, got " + rowCount);
            }
            flush();
            md.update(bytes, offset, length);
            rows += rowCount;
            return this;
        }

        /**
         * @return a sensitive level's encoding in a row: its UTF-8 bytes preceded by their count as a 4-byte
         *     big-endian integer (a fresh array)
         */
        public static byte[] level(String level) {
            return frame(Objects.requireNonNull(level, "level"));
        }

        /** @return the number of rows accepted */
        public long rows() {
            return rows;
        }

        /** @return the fingerprint of the rows accepted so far, as 64 lower-case hex digits (more may follow) */
        public String hex() {
            flush();
            try {
                return Fingerprint.hex((MessageDigest) md.clone());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("the platform's SHA-256 cannot be cloned", e);
            }
        }

        private void real(double v) {
            room(8);
            buf.putLong(Double.doubleToLongBits(v == 0 ? 0.0 : v));
        }

        private void string(String s) {
            put(frame(s));
        }

        private static byte[] frame(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(4 + utf8.length).putInt(utf8.length).put(utf8).array();
        }

        private void put(byte[] b) {
            if (b.length > buf.capacity()) {
                flush();
                md.update(b);
            } else {
                room(b.length);
                buf.put(b);
            }
        }

        private void room(int n) {
            if (buf.remaining() < n) {
                flush();
            }
        }

        private void flush() {
            buf.flip();
            md.update(buf);
            buf.clear();
        }
    }
}
