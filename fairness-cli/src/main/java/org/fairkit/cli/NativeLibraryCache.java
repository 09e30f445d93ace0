package org.fairkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Extracts DuckDB's native library for this platform, once, into a per-version cache directory, so that the
 * {@code bin/fairkit} launcher can load it from there ({@code -Djava.library.path}) instead of DuckDB's JDBC driver
 * inflating its ~70 MB library from the jar to a new temporary file on every start (1.4–1.7 s; benchmarks/README.md).
 *
 * <p>Run by the launcher only when the cache is not ready: {@code java -cp fairkit.jar:duckdb_jdbc-V.jar
 * org.fairkit.cli.NativeLibraryCache DIR}. The driver's loader ({@code org.duckdb.DuckDBNative}) loads the class-path
 * resource {@code /libduckdb_java.so_<os>_<arch>} when there is one, else {@code System.loadLibrary("duckdb_java")}
 * from {@code java.library.path}; this class copies that resource to {@code DIR/} + {@link System#mapLibraryName}
 * ({@code libduckdb_java.so} on Linux). The copy is written to a temporary file in {@code DIR}, its size and SHA-256
 * checked against the resource's, then moved into place atomically, and only then is {@code DIR/ready} written
 * (atomically too): one line {@code <file name> <size> <sha256>}, which the launcher checks (the file exists and has
 * that size) before every use. Concurrent first runs each write their own temporary file; the moves are atomic, so a
 * reader never sees a partial library. Any failure leaves no {@code ready} file, and the launcher falls back to the
 * driver's default (the jar on the class path, extracted to a temporary file).
 *
 * <p>Exit codes: 0 ready, 2 no library for this platform on the class path, 1 an I/O error (printed).
 */
public final class NativeLibraryCache {
    /** The marker the launcher reads: {@code <file name> <size> <sha256>}. */
    static final String READY = "ready";

    private NativeLibraryCache() {
    }

    /**
     * Extracts into the directory named by the one argument.
     *
     * @param args the cache directory
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: NativeLibraryCache DIR");
            System.exit(1);
        }
        URL resource = NativeLibraryCache.class.getResource("/" + resourceName(System.getProperty("os.name"),
                System.getProperty("os.arch")));
        if (resource == null) {
            System.exit(2);
        }
        try {
            install(resource, Paths.get(args[0]), System.mapLibraryName("duckdb_java"));
        } catch (IOException e) {
            System.err.println("fairkit: could not cache DuckDB's native library in " + args[0] + ": " + e);
            System.exit(1);
        }
    }

    /**
     * The name of DuckDB's bundled library for a platform, as its loader computes it: {@code libduckdb_java.so_}
     * + os ({@code linux}, {@code macos}, {@code windows}) + {@code _} + arch ({@code amd64}, {@code arm64}).
     *
     * @param osName the {@code os.name} property
     * @param osArch the {@code os.arch} property
     * @return the resource name, without the leading slash
     */
    static String resourceName(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT).trim();
        os = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "macos" : os.startsWith("linux") ? "linux"
                : os.replaceAll("[^a-z0-9_\\-.]", "");
        String arch = osArch.toLowerCase(Locale.ROOT).trim();
        arch = switch (arch) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch.replaceAll("[^a-z0-9_\\-.]", "");
        };
        return "libduckdb_java.so_" + os + "_" + arch;
    }

    /**
     * Copies the resource to {@code dir/fileName} (verified, atomically) and writes {@code dir/ready}; does nothing
     * if {@code ready} already describes a file of that name and size.
     *
     * @return the library's path
     * @throws IOException if the directory cannot be written or the copy does not verify
     */
    static Path install(URL resource, Path dir, String fileName) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(fileName);
        Path ready = dir.resolve(READY);
        if (isReady(dir, fileName)) {
            return target;
        }
        Path tmp = Files.createTempFile(dir, fileName, ".tmp");
        try {
            MessageDigest source = sha256();
            long size = 0;
            try (InputStream in = resource.openStream(); OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buffer = new byte[1 << 16];
                for (int k; (k = in.read(buffer)) > 0;) {
                    source.update(buffer, 0, k);
                    out.write(buffer, 0, k);
                    size += k;
                }
            }
            String expected = HexFormat.of().formatHex(source.digest());
            MessageDigest written = sha256();
            try (InputStream in = Files.newInputStream(tmp)) {
                byte[] buffer = new byte[1 << 16];
                for (int k; (k = in.read(buffer)) > 0;) {
                    written.update(buffer, 0, k);
                }
            }
            if (Files.size(tmp) != size || !expected.equals(HexFormat.of().formatHex(written.digest()))) {
                throw new IOException("the copy in " + tmp + " does not match the resource " + resource);
            }
            moveAtomically(tmp, target);
            Path marker = Files.createTempFile(dir, READY, ".tmp");
            Files.writeString(marker, fileName + " " + size + " " + expected + "\n", StandardCharsets.US_ASCII);
            moveAtomically(marker, ready);
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** @return whether {@code dir/ready} names {@code fileName} and the file has the size it records */
    static boolean isReady(Path dir, String fileName) {
        try {
            String[] fields = Files.readString(dir.resolve(READY), StandardCharsets.US_ASCII).trim().split(" ");
            Path lib = dir.resolve(fileName);
            return fields.length == 3 && fields[0].equals(fileName) && Files.isRegularFile(lib)
                    && Files.size(lib) == Long.parseLong(fields[1]);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + to + " cannot move files atomically", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
