package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's cache of DuckDB's native library: names, verified atomic install, readiness. */
class NativeLibraryCacheTest {
    @TempDir
    Path tmp;

    @Test
    void resourceNamesAreTheOnesDuckDbsLoaderLooksFor() {
        assertThat(NativeLibraryCache.resourceName("Linux", "amd64")).isEqualTo("libduckdb_java.so_linux_amd64");
        assertThat(NativeLibraryCache.resourceName("Linux", "aarch64")).isEqualTo("libduckdb_java.so_linux_arm64");
        assertThat(NativeLibraryCache.resourceName("Mac OS X", "aarch64")).isEqualTo("libduckdb_java.so_macos_arm64");
        assertThat(NativeLibraryCache.resourceName("Windows 11", "x86_64"))
                .isEqualTo("libduckdb_java.so_windows_amd64");
    }

    @Test
    void installCopiesTheResourceWritesTheReadyLineAndIsIdempotent() throws Exception {
        byte[] content = new byte[300_000];
        new SplittableRandom(5).nextBytes(content);
        Path source = tmp.resolve("source.so");
        Files.write(source, content);
        Path dir = tmp.resolve("cache/duckdb_jdbc-9-Linux-x86_64");
        assertThat(NativeLibraryCache.isReady(dir, "libduckdb_java.so")).isFalse();

        Path lib = NativeLibraryCache.install(source.toUri().toURL(), dir, "libduckdb_java.so");

        assertThat(lib).isEqualTo(dir.resolve("libduckdb_java.so"));
        assertThat(Files.readAllBytes(lib)).isEqualTo(content);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(Files.readString(dir.resolve("ready"), StandardCharsets.US_ASCII))
                .isEqualTo("libduckdb_java.so 300000 " + sha + "\n");
        assertThat(NativeLibraryCache.isReady(dir, "libduckdb_java.so")).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("libduckdb_java.so",
                    "ready");
        }
        long modified = Files.getLastModifiedTime(lib).toMillis();
        NativeLibraryCache.install(source.toUri().toURL(), dir, "libduckdb_java.so");
        assertThat(Files.getLastModifiedTime(lib).toMillis()).isEqualTo(modified);
    }

    @Test
    void aLibraryOfAnotherSizeThanRecordedIsNotReadyAndIsReplaced() throws Exception {
        Path source = tmp.resolve("source.so");
        Files.write(source, new byte[] {1, 2, 3, 4});
        Path dir = tmp.resolve("cache");
        NativeLibraryCache.install(source.toUri().toURL(), dir, "libduckdb_java.so");
        Files.write(dir.resolve("libduckdb_java.so"), new byte[] {1, 2});
        assertThat(NativeLibraryCache.isReady(dir, "libduckdb_java.so")).isFalse();
        assertThat(NativeLibraryCache.isReady(dir, "other.so")).isFalse();
        NativeLibraryCache.install(source.toUri().toURL(), dir, "libduckdb_java.so");
        assertThat(Files.readAllBytes(dir.resolve("libduckdb_java.so"))).containsExactly(1, 2, 3, 4);
        assertThat(NativeLibraryCache.isReady(dir, "libduckdb_java.so")).isTrue();
    }
}
