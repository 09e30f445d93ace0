package org.fairkit.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on an output directory ({@value #FILE} inside it), held while a run writes its outputs and its
 * trail entry, so two runs into one {@code --out} never mix their files: the second one fails at once with a clear
 * message (exit {@value ExitCode#BAD_INPUT}) instead of waiting or interleaving. Works across processes (an OS file
 * lock) and across threads of one JVM. The lock file stays; it holds nothing.
 */
final class DirectoryLock implements AutoCloseable {
    /** The lock file's name in the directory. */
    static final String FILE = ".fairkit.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of an existing directory.
     *
     * @throws CliException if another run holds it
     * @throws IOException if the lock file cannot be opened (e.g. it is a symbolic link)
     */
    static DirectoryLock acquire(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (l == null) {
            ch.close();
            throw CliException.badInput(CliErrors.directoryLocked(directory, file));
        }
        return new DirectoryLock(ch, l);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
