package org.fairkit.orchestration.trail;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tamper-evident, append-only audit trail in a JSON Lines file: every entry holds the SHA-256 of the previous
 * entry (a hash chain) and the fingerprint of the report it is about.
 *
 * <pre>{@code
 * try (AuditTrail trail = AuditTrail.open(Path.of("audit-trail.jsonl"))) {
 *     trail.append(AuditEvent.of("audit.completed").with("verdict", "PASS"), reportSha256);
 *     TrailVerification v = trail.verify();   // names the first bad line, if any
 * }
 * }</pre>
 *
 * <h2>Format</h2>
 * One entry per line, UTF-8, each line ending with {@code \n}, written as
 * <pre>
 * {"seq":1,"time":"2025-03-01T12:00:00Z","type":"audit.completed","details":{...},"report":"ab12…"|null,
 *  "prev":"00…00","hash":"9f3c…"}
 * </pre>
 * (on one line). {@code seq} is the entry's number, equal to its line number (from 1); {@code time} is the
 * ISO-8601 UTC instant of the append; {@code details} are the event's details with object keys sorted (Java
 * {@code String} order) at every level, no insignificant whitespace, numbers as Jackson writes them;
 * {@code prev} is the previous entry's {@code hash} (64 zeros for the first entry). The canonical bytes are
 * fixed at writing: {@code hash} is the SHA-256, as 64 lowercase hex digits, of the line's exact bytes with the
 * final {@code ,"hash":"…"} member removed (so of the JSON object holding the six other members, as stored). Any
 * tool can recompute it with text operations; verification never re-serializes, so it does not depend on the
 * Jackson version.
 *
 * <h2>What {@link #verify()} detects, and what it cannot</h2>
 * Each line must end with a well-formed hash member matching its content (any edit of a byte is caught), be an
 * entry object, carry its line number, and point to the previous line's hash: deletions, insertions and
 * reorderings break the numbering or the chain. The first bad line is named, with the reason. A hash chain
 * cannot by itself detect the removal of entries from the end, nor a rewrite by someone who recomputes every
 * later hash: keep a {@link TrailAnchor} ({@code verify().anchor()}) outside the file and check with
 * {@link #verify(TrailAnchor)}.
 *
 * <h2>Durability, threads, processes, crashes</h2>
 * {@link #append} returns only after its line is written and {@link FileChannel#force(boolean) forced} (data and
 * metadata) to the device. Appends from many threads are serialized by a lock per file shared by every
 * {@code AuditTrail} of the JVM; the forces of concurrent appends are shared (group commit: one force covers
 * every line written before it began). Appends from several processes are serialized by an exclusive
 * {@link FileLock} held while writing; each append re-reads the tail when another writer changed the file. File
 * locks are advisory: a process that writes the file without this class is not held back (the chain then
 * shows it). A crash in the middle of an append can leave a last line without its newline: {@link #verify()}
 * reports it as {@link TrailProblem.Kind#TORN_TAIL}, appends are refused ({@link #appendRefusal()} says so before
 * any work), and only an explicit {@link #repairTornTail()} removes it (the interrupted append never returned, so no
 * caller was told it was stored), or adds the missing newline when the line is a complete, chained entry.
 * {@link #open} reads only the tail; run {@link #verify()} to check the whole file. A symbolic link is never opened.
 *
 * <p>Close the trail after the appends that use it have returned.
 */
public final class AuditTrail implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final ConcurrentHashMap<Path, ReentrantLock> FILE_LOCKS = new ConcurrentHashMap<>();
    private static final int CHUNK = 1 << 16;
    /** The longest last line {@link #repairTornTail()} checks for a complete entry (entries are far smaller). */
    private static final int MAX_COMPLETED_LINE = 1 << 24;

    private final Path path;
    private final FileChannel channel;
    private final Clock clock;
    private final ReentrantLock lock;

    // guarded by lock
    private long knownSize = -1;
    private long lastSeq;
    private String lastHash;
    private String refusal;

    private final AtomicLong appended = new AtomicLong();
    private final Object syncMonitor = new Object();
    private long synced; // guarded by syncMonitor

    private AuditTrail(Path path, FileChannel channel, Clock clock) {
        this.path = path;
        this.channel = channel;
        this.clock = clock;
        this.lock = FILE_LOCKS.computeIfAbsent(path, p -> new ReentrantLock());
    }

    /**
     * Opens a trail, creating an empty one if the file does not exist; reads its tail (not the whole file).
     *
     * @throws IllegalArgumentException if the path is a symbolic link (never followed: a planted link would
     *     redirect the evidence to another file)
     * @throws UncheckedIOException if the file cannot be opened or created (for example a missing directory)
     */
    public static AuditTrail open(Path path) {
        return open(path, Clock.systemUTC());
    }

    /** Opens a trail whose entries are stamped by {@code clock}. */
    public static AuditTrail open(Path path, Clock clock) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(clock, "clock");
        if (Files.isSymbolicLink(path)) {
            throw new IllegalArgumentException(TrailMessages.symbolicLink(path));
        }
        FileChannel ch;
        Path real;
        try {
            ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            real = path.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit trail " + path + ": " + e, e);
        }
        AuditTrail t = new AuditTrail(real, ch, clock);
        t.lock.lock();
        try (FileLock ignored = ch.lock(0, Long.MAX_VALUE, true)) {
            t.refreshTail(ch.size());
        } catch (IOException e) {
            t.closeQuietly();
            throw new UncheckedIOException("cannot read the audit trail " + path + ": " + e, e);
        } finally {
            t.lock.unlock();
        }
        return t;
    }

    /** @return the trail file (its real path) */
    public Path path() {
        return path;
    }

    /**
     * The SHA-256 of some bytes (for example a serialized report), as 64 lowercase hex digits: the form
     * {@link #append(AuditEvent, String)} expects.
     */
    public static String sha256(byte[] content) {
        return TrailFormat.sha256(content, 0, content.length);
    }

    /** Appends an event that is not about a report; see {@link #append(AuditEvent, String)}. */
    public TrailEntry append(AuditEvent event) {
        return append(event, null);
    }

    /**
     * Appends an entry, durably: when this returns, the line is on the device.
     *
     * @param event what happened
     * @param reportFingerprint the SHA-256 of the report it is about (64 hex digits, stored lower case), or
     *     {@code null}
     * @return the stored entry
     * @throws IllegalStateException if the trail ends with a torn line or an invalid entry
     * @throws UncheckedIOException if the file cannot be written; a partial line is then left as a torn tail
     */
    public TrailEntry append(AuditEvent event, String reportFingerprint) {
        Objects.requireNonNull(event, "event");
        String report = null;
        if (reportFingerprint != null) {
            report = reportFingerprint.toLowerCase(Locale.ROOT);
            if (!TrailFormat.isHash(report)) {
                throw new IllegalArgumentException(TrailMessages.badFingerprint(reportFingerprint));
            }
        }
        TrailEntry entry;
        long myAppend;
        lock.lock();
        try (FileLock ignored = channel.lock()) {
            long size = channel.size();
            if (size != knownSize) {
                refreshTail(size);
            }
            if (refusal != null) {
                throw new IllegalStateException(TrailMessages.refuseAppend(path, refusal));
            }
            Instant time = clock.instant();
            TrailFormat.Line line = TrailFormat.write(lastSeq + 1, time, event, report, lastHash);
            ByteBuffer buf = ByteBuffer.wrap(line.bytes);
            long pos = size;
            knownSize = -1;
            while (buf.hasRemaining()) {
                pos += channel.write(buf, pos);
            }
            entry = new TrailEntry(lastSeq + 1, time, event, Optional.ofNullable(report), lastHash, line.hash);
            knownSize = pos;
            lastSeq++;
            lastHash = line.hash;
            myAppend = appended.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the audit trail " + path + ": " + e, e);
        } finally {
            lock.unlock();
        }
        syncTo(myAppend);
        return entry;
    }

    /**
     * Why an append would be refused now, if it would: the trail ends with a torn line or an invalid last entry.
     * Lets a caller check before doing work whose record the trail could not take.
     *
     * @return the reason, empty when appends are accepted
     */
    public Optional<String> appendRefusal() {
        lock.lock();
        try (FileLock ignored = channel.lock(0, Long.MAX_VALUE, true)) {
            long size = channel.size();
            if (size != knownSize) {
                refreshTail(size);
            }
            return Optional.ofNullable(refusal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit trail " + path + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    /** Forces the file once for every append completed before the force began (group commit). */
    private void syncTo(long myAppend) {
        synchronized (syncMonitor) {
            if (synced >= myAppend) {
                return;
            }
            long target = appended.get();
            try {
                channel.force(true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot force the audit trail " + path + " to the device: " + e, e);
            }
            synced = target;
        }
    }

    /** Reads the last line: sets the next sequence number and hash, or the reason appends are refused. */
    private void refreshTail(long size) throws IOException {
        knownSize = size;
        refusal = null;
        lastSeq = 0;
        lastHash = TrailFormat.GENESIS;
        if (size == 0) {
            return;
        }
        long lastNewline = lastNewlineBefore(size);
        if (lastNewline != size - 1) {
            refusal = TrailMessages.tornTailRefusal(lastNewline + 1, size - lastNewline - 1);
            return;
        }
        long start = lastNewlineBefore(size - 1) + 1;
        byte[] line = read(start, (int) (size - 1 - start));
        TrailFormat.Checked c = TrailFormat.check(line, 0, line.length);
        if (!c.ok()) {
            refusal = TrailMessages.badLastEntry(c.detail);
            return;
        }
        lastSeq = c.seq;
        lastHash = c.hash;
    }

    /** @return the position of the last newline before {@code end}, or -1 */
    private long lastNewlineBefore(long end) throws IOException {
        long pos = end;
        while (pos > 0) {
            int n = (int) Math.min(CHUNK, pos);
            byte[] b = read(pos - n, n);
            for (int i = n - 1; i >= 0; i--) {
                if (b[i] == '\n') {
                    return pos - n + i;
                }
            }
            pos -= n;
        }
        return -1;
    }

    private byte[] read(long from, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (channel.read(b, from + b.position()) < 0) {
                throw new IOException("the audit trail " + path + " shrank while being read");
            }
        }
        return b.array();
    }

    /** Checks the whole trail; see the class documentation for what is detected. */
    public TrailVerification verify() {
        return scan(null, null);
    }

    /**
     * Checks the whole trail and that it still holds the anchored entry: at least {@code anchor.entries()}
     * entries, the last of them with {@code anchor.headHash()}.
     */
    public TrailVerification verify(TrailAnchor anchor) {
        return scan(Objects.requireNonNull(anchor, "anchor"), null);
    }

    /**
     * @return every entry, in order
     * @throws IllegalStateException if the trail is not intact (the message names the first bad line)
     */
    public List<TrailEntry> entries() {
        List<TrailEntry> out = new ArrayList<>();
        TrailVerification v = scan(null, out);
        if (!v.valid()) {
            throw new IllegalStateException(TrailMessages.notIntact(path, v.problem().get().message()));
        }
        return out;
    }

    private long stableSize() throws IOException {
        lock.lock();
        try (FileLock ignored = channel.lock(0, Long.MAX_VALUE, true)) {
            return channel.size();
        } finally {
            lock.unlock();
        }
    }

    private TrailVerification scan(TrailAnchor anchor, List<TrailEntry> collect) {
        try {
            long size = stableSize();
            Scan s = new Scan(anchor, collect);
            forEachLine(size, s);
            if (s.problem == null && anchor != null) {
                if (s.good < anchor.entries()) {
                    s.problem = new TrailProblem(s.good, s.lastLineStart, TrailProblem.Kind.TRUNCATED,
                            TrailMessages.truncated(s.good, anchor.entries()));
                } else if (!s.anchoredHash.equals(anchor.headHash())) {
                    s.problem = new TrailProblem(anchor.entries(), s.anchoredOffset, TrailProblem.Kind.ANCHOR_MISMATCH,
                            TrailMessages.anchorMismatch(anchor.entries(), s.anchoredOffset));
                }
            }
            return new TrailVerification(path, s.good, s.previous, Optional.ofNullable(s.problem));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit trail " + path + ": " + e, e);
        }
    }

    /** Receives the lines of the file in order; returns false to stop. */
    private interface LineVisitor {
        boolean visit(long line, long offset, byte[] buf, int from, int length, boolean terminated);
    }

    private final class Scan implements LineVisitor {
        final TrailAnchor anchor;
        final List<TrailEntry> collect;
        long good;
        String previous = TrailFormat.GENESIS;
        long lastLineStart;
        String anchoredHash = TrailFormat.GENESIS;
        long anchoredOffset;
        TrailProblem problem;

        Scan(TrailAnchor anchor, List<TrailEntry> collect) {
            this.anchor = anchor;
            this.collect = collect;
        }

        @Override
        public boolean visit(long line, long offset, byte[] buf, int from, int length, boolean terminated) {
            if (!terminated) {
                problem = new TrailProblem(line, offset, TrailProblem.Kind.TORN_TAIL,
                        TrailMessages.tornTail(line, offset, length));
                return false;
            }
            TrailFormat.Checked c = TrailFormat.check(buf, from, length);
            if (!c.ok()) {
                problem = new TrailProblem(line, offset, c.kind, c.kind == TrailProblem.Kind.HASH_MISMATCH
                        ? TrailMessages.hashMismatch(line, offset) : TrailMessages.malformed(line, offset, c.detail));
                return false;
            }
            if (c.seq != line) {
                problem = new TrailProblem(line, offset, TrailProblem.Kind.SEQUENCE,
                        TrailMessages.sequence(line, offset, c.seq));
                return false;
            }
            if (!c.previous.equals(previous)) {
                problem = new TrailProblem(line, offset, TrailProblem.Kind.CHAIN_BROKEN,
                        TrailMessages.chainBroken(line, offset));
                return false;
            }
            previous = c.hash;
            good = line;
            lastLineStart = offset;
            if (anchor != null && line == anchor.entries()) {
                anchoredHash = c.hash;
                anchoredOffset = offset;
            }
            if (collect != null) {
                collect.add(c.entry());
            }
            return true;
        }
    }

    private void forEachLine(long limit, LineVisitor visitor) throws IOException {
        byte[] buf = new byte[CHUNK];
        int have = 0;
        int scanned = 0;
        int from = 0;
        long filePos = 0;
        long lineStart = 0;
        long line = 0;
        while (true) {
            for (int i = scanned; i < have; i++) {
                if (buf[i] == '\n') {
                    line++;
                    if (!visitor.visit(line, lineStart, buf, from, i - from, true)) {
                        return;
                    }
                    lineStart += i - from + 1;
                    from = i + 1;
                }
            }
            System.arraycopy(buf, from, buf, 0, have - from);
            have -= from;
            from = 0;
            scanned = have;
            if (filePos >= limit) {
                if (have > 0) {
                    visitor.visit(line + 1, lineStart, buf, 0, have, false);
                }
                return;
            }
            if (have == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            ByteBuffer bb = ByteBuffer.wrap(buf, have, (int) Math.min(buf.length - have, limit - filePos));
            int n = channel.read(bb, filePos);
            if (n < 0) {
                limit = filePos;
                continue;
            }
            filePos += n;
            have += n;
        }
    }

    /**
     * Repairs a torn last line (the bytes after the last newline), if there is one, and forces the file. Call it
     * only after looking at what {@link #verify()} reports. It never removes a complete entry: when the last line is
     * a whole, valid entry chained to the one before and only its final newline is missing (the append was cut
     * between its line and its newline), the newline is added and the entry kept
     * ({@link TornTailRepair#completedEntry()}). Otherwise the bytes of the append that never completed are
     * removed.
     *
     * @return what was removed or completed; nothing when the trail ends with a newline
     */
    public TornTailRepair repairTornTail() {
        lock.lock();
        try (FileLock ignored = channel.lock()) {
            long size = channel.size();
            long lastNewline = size == 0 ? -1 : lastNewlineBefore(size);
            if (lastNewline == size - 1) {
                refreshTail(size);
                return new TornTailRepair(path, size, 0, "");
            }
            long keep = lastNewline + 1;
            byte[] fragment = read(keep, (int) Math.min(size - keep, 800));
            String text = new String(fragment, StandardCharsets.UTF_8);
            String preview = text.length() > 200 ? text.substring(0, 200) : text;
            if (size - keep <= MAX_COMPLETED_LINE) {
                byte[] tail = read(keep, (int) (size - keep));
                TrailFormat.Checked c = TrailFormat.check(tail, 0, tail.length);
                refreshTail(keep);
                if (c.ok() && refusal == null && c.seq == lastSeq + 1 && c.previous.equals(lastHash)) {
                    ByteBuffer newline = ByteBuffer.wrap(new byte[] {'\n'});
                    while (newline.hasRemaining()) {
                        channel.write(newline, size);
                    }
                    channel.force(true);
                    refreshTail(size + 1);
                    LOG.warn("audit trail {}: completed entry {} at byte {}, whose final newline was missing", path,
                            c.seq, keep);
                    return new TornTailRepair(path, keep, 0, preview, true);
                }
            }
            channel.truncate(keep);
            channel.force(true);
            refreshTail(keep);
            LOG.warn("audit trail {}: removed a torn last line of {} bytes at byte {}: {}", path, size - keep, keep,
                    preview);
            return new TornTailRepair(path, keep, size - keep, preview);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot repair the audit trail " + path + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    /** Closes the file. Appends still running in other threads fail. */
    @Override
    public void close() {
        lock.lock();
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the audit trail " + path + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing {} after a failed open: {}", path, e.toString());
        }
    }

    /** @return e.g. {@code AuditTrail[/var/audit/trail.jsonl]} */
    @Override
    public String toString() {
        return "AuditTrail[" + path + "]";
    }
}
