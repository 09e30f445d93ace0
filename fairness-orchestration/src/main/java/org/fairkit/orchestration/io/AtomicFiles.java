package org.fairkit.orchestration.io;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a reader never sees a partial one and a planted link is never followed: the content goes to a
 * new temporary file in the target's directory (created exclusively, so it cannot be a link), is forced to the
 * device, and is then renamed over the target in one atomic step. A crash at any moment leaves either the old file or
 * the new one (and at worst a stray {@code .NAME.*.tmp} file), never a truncated one. A target that is a symbolic
 * link is refused: the rename would replace the link, not write through it, but a link where an output belongs is a
 * sign of tampering and is reported instead.
 *
 * <pre>{@code
 * AtomicFiles.write(dir.resolve("report.json"), w -> w.write(json));
 * }</pre>
 *
 * <p>Reading the target while its replacement is written is safe: readers keep the file they opened, so a command may
 * write its result over its own input.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes the content of a file as bytes. */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content to {@code out} (which the caller closes). */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the content of a file as UTF-8 text. */
    @FunctionalInterface
    public interface Text {
        /** Writes the whole content to {@code out} (which the caller closes). */
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Replaces {@code target} with the text written by {@code text}, in UTF-8.
     *
     * @throws IllegalArgumentException if {@code target} is a symbolic link or a directory
     * @throws IOException if writing fails (the target is then unchanged)
     */
    public static void write(Path target, Text text) throws IOException {
        writeBytes(target, out -> {
            Writer w = new FilterWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    1 << 16)) {
                @Override
                public void close() throws IOException {
                    flush(); // the file is closed (after it is forced) by writeBytes, not by the content's writer
                }
            };
            text.writeTo(w);
            w.flush();
        });
    }

    /** Replaces {@code target} with {@code text} in UTF-8; see {@link #write(Path, Text)}. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, w -> w.write(text));
    }

    /**
     * Replaces {@code target} with the bytes written by {@code content}.
     *
     * @throws IllegalArgumentException if {@code target} is a symbolic link or a directory
     * @throws IOException if writing fails (the target is then unchanged)
     */
    public static void writeBytes(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        refuseLinkOrDirectory(target);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(ch)) {
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            move(tmp, target);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Renames {@code source} over {@code target} atomically (both in the same directory or file system).
     *
     * @throws IllegalArgumentException if {@code target} is a symbolic link or a directory
     */
    public static void move(Path source, Path target) throws IOException {
        refuseLinkOrDirectory(target);
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace '" + target + "' atomically: " + e.getMessage(), e);
        }
    }

    /**
     * @throws IllegalArgumentException if {@code target} is a symbolic link or a directory
     */
    public static void refuseLinkOrDirectory(Path target) {
        if (Files.isSymbolicLink(target)) {
            String to;
            try {
                to = " (to '" + Files.readSymbolicLink(target) + "')";
            } catch (IOException | UnsupportedOperationException e) {
                to = "";
            }
            throw new IllegalArgumentException("refusing to write '" + target + "': it is a symbolic link" + to
                    + ", and FairKit never writes through links; remove it or write elsewhere");
        }
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("cannot write '" + target + "': it is a directory");
        }
    }
}
