package org.fairkit.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one SHA-256 of FairKit: every fingerprint (a report's input, a file written by a run, an audit-trail line, a
 * monitor window's counts) is a SHA-256 written as 64 lower-case hex digits, computed here.
 *
 * <p>What each fingerprint hashes is defined beside the value it identifies: {@code FairnessData.fingerprint()} and
 * {@code RegressionData.fingerprint()} hash their columns, a streamed CSV audit the file's bytes, a monitor window
 * its per-group counts, an audit-trail entry its line. This class only guarantees that they are the same hash,
 * written the same way.
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
}
