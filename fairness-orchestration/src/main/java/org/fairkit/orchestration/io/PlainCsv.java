package org.fairkit.orchestration.io;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.LongConsumer;
import org.fairkit.core.internal.Fingerprint;

/**
 * The fast path of {@link CsvSource#stream(List, int)} for <em>plain</em> CSV: the file's bytes are parsed straight
 * into per-group counts, without decoding the text or building a string per cell, and the input fingerprint and the
 * file's SHA-256 are computed in the same pass (the file's hash on a second thread). The result is the
 * {@link StreamedInput} the streaming reader gives for the same file: the same counts, row count, fingerprint
 * ({@code org.fairkit.core.internal.Fingerprint}, fed the rows' encoding directly) and file hash.
 *
 * <pre>{@code
 * Optional<StreamedInput> in = PlainCsv.stream(source, List.of(List.of("race")), Integer.MAX_VALUE, rows -> { });
 * StreamedInput result = in.isPresent() ? in.get() : source.stream(List.of(List.of("race")), 0);
 * }</pre>
 *
 * <p><b>What it reads.</b> UTF-8 text with a header line and comma-separated cells, {@code \n} or {@code \r\n} line
 * ends, no quote character anywhere, no byte-order mark; empty lines are skipped; a label, a prediction and one to four
 * sensitive columns are mapped (an id column may be mapped: it is not read), no score and no weight column. Cells are
 * trimmed of bytes up to {@code 0x20} (what {@link String#trim()} removes) and mapped exactly as {@link CsvTable.Record}
 * maps them ({@link BinaryValues}, non-empty levels).
 *
 * <p><b>When it gives up.</b> On anything else, and on anything the streaming reader would report as an error, it
 * returns {@link Optional#empty()} without a message: a quote, a lone {@code \r}, a byte-order mark, malformed UTF-8, a
 * blank line, a record with the wrong number of cells, a label or prediction outside its values, an empty level, a
 * missing or repeated mapped column, no data row, a grouping with more than {@code maxGroups} groups, a line longer
 * than {@value #MAX_LINE} bytes, more levels than it keeps, an I/O error. The caller then reads the file again from the
 * start with {@link CsvSource}, whose error (with its file line, data row, column and cell) is the one users see. So a
 * file it reads would have been read without error by {@link CsvSource}, with the same result; the equivalence is a
 * tested property ({@code PlainCsvTest}). {@code -Dfairkit.plainCsv=false} turns it off.
 */
public final class PlainCsv {
    /** The system property that turns this reader off when set to {@code false} (to compare, or as an escape hatch). */
    public static final String ENABLED = "fairkit.plainCsv";
    /** The longest line read (a longer one falls back to the streaming reader). */
    static final int MAX_LINE = 1 << 24;
    private static final int CHUNK = 1 << 20;
    private static final int MAX_SENSITIVE = 4;
    /** Levels kept per column: 2^20 with one sensitive column, 2^15 each with several (packed into one long). */
    private static final int MAX_LEVELS_ONE = 1 << 20;
    private static final int BITS_MANY = 15;
    private static final int MAX_LEVELS_MANY = 1 << BITS_MANY;

    /** Byte classes of the scanner: 0 an ordinary byte. */
    private static final byte[] CLASS = new byte[256];
    private static final byte COMMA = 1;
    private static final byte NEWLINE = 2;
    private static final byte CR = 3;
    private static final byte QUOTE = 4;
    private static final byte HIGH = 5;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    static {
        CLASS[','] = COMMA;
        CLASS['\n'] = NEWLINE;
        CLASS['\r'] = CR;
        CLASS['"'] = QUOTE;
        for (int b = 0x80; b < 0x100; b++) {
            CLASS[b] = HIGH;
        }
    }

    private PlainCsv() {
    }

    /**
     * Streams a plain CSV file into the tallies of {@code groupings}, or gives up.
     *
     * @param source the file and its column mapping
     * @param groupings each grouping's sensitive columns, as for {@link CsvSource#stream(List, int)}
     * @param maxGroups give up when a grouping has more groups than this (so that the caller's reader reports it)
     * @param rowsRead told the number of data rows read so far, now and then (for progress)
     * @return the pass's result, or empty when the caller must read the file with {@link CsvSource}
     */
    public static Optional<StreamedInput> stream(CsvSource source, List<List<String>> groupings, int maxGroups,
            LongConsumer rowsRead) {
        Objects.requireNonNull(rowsRead, "rowsRead");
        if ("false".equals(System.getProperty(ENABLED))) {
            return Optional.empty();
        }
        Attempt a = attempt(source, groupings, maxGroups, rowsRead);
        return Optional.ofNullable(a.result());
    }

    /**
     * The outcome of a try: a result, or why the file is left to {@link CsvSource} (for tests).
     *
     * @param result the result, or null
     * @param fallback why there is none, or null
     */
    record Attempt(StreamedInput result, String fallback) {
    }

    /** As {@link #stream}, saying why it gave up. */
    static Attempt attempt(CsvSource source, List<List<String>> groupings, int maxGroups, LongConsumer rowsRead) {
        return attempt(source, groupings, maxGroups, rowsRead, CHUNK);
    }

    /** As {@link #stream}, saying why it gave up, reading {@code chunk} bytes at a time (small in tests). */
    static Attempt attempt(CsvSource source, List<List<String>> groupings, int maxGroups, LongConsumer rowsRead,
            int chunk) {
        Hasher hash = null;
        try {
            Reader r = Reader.create(source, groupings, maxGroups);
            hash = Hasher.start(source.file(), r.fingerprint);
            StreamedInput in = r.read(rowsRead, hash, chunk);
            return new Attempt(in, null);
        } catch (GiveUp g) {
            return new Attempt(null, g.getMessage());
        } catch (IOException | RuntimeException e) {
            return new Attempt(null, "failed: " + e);
        } finally {
            if (hash != null) {
                hash.cancel();
            }
        }
    }

    /** Thrown inside to leave the file to the streaming reader. */
    private static final class GiveUp extends Exception {
        private static final long serialVersionUID = 1L;

        GiveUp(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * The second thread: the SHA-256 of the file's bytes (read through its own channel) and the input fingerprint of
     * the rows, whose encoding the reading thread hands over in blocks, in order. It hashes a block as soon as one is
     * waiting and a piece of the file otherwise, so the two hashes overlap the parse.
     */
    private static final class Hasher implements Runnable {
        private static final int BLOCK = 1 << 20;
        private static final int POOL = 4;

        private final Path file;
        private final Fingerprint.Rows fingerprint;
        private final Thread thread;
        private final BlockingQueue<Block> full = new LinkedBlockingQueue<>();
        private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(POOL);
        private int allocated;
        private volatile boolean cancelled;
        private String fileHex;
        private String rowsHex;
        private Exception failure;

        /** Encoded rows; {@code rows < 0} ends the rows. */
        private record Block(byte[] bytes, int length, long rows) {
        }

        private Hasher(Path file, Fingerprint.Rows fingerprint) {
            this.file = file;
            this.fingerprint = fingerprint;
            this.thread = new Thread(this, "fairkit-csv-sha256");
            thread.setDaemon(true);
        }

        static Hasher start(Path file, Fingerprint.Rows fingerprint) {
            Hasher h = new Hasher(file, fingerprint);
            h.thread.start();
            return h;
        }

        @Override
        public void run() {
            MessageDigest md = Fingerprint.sha256();
            ByteBuffer buf = ByteBuffer.allocate(CHUNK);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                boolean fileDone = false;
                boolean rowsDone = false;
                while (!cancelled && !(fileDone && rowsDone)) {
                    Block b = rowsDone ? null : fileDone ? full.take() : full.poll();
                    if (b != null) {
                        if (b.rows() < 0) {
                            rowsDone = true;
                        } else {
                            fingerprint.acceptEncoded(b.bytes(), 0, b.length(), b.rows());
                            if (b.bytes().length == BLOCK) {
                                free.offer(b.bytes());
                            }
                        }
                    } else if (ch.read(buf.clear()) < 0) {
                        fileDone = true;
                    } else {
                        md.update(buf.array(), 0, buf.position());
                    }
                }
                fileHex = Fingerprint.hex(md);
                rowsHex = fingerprint.hex();
            } catch (IOException | InterruptedException | RuntimeException e) {
                failure = e;
            }
        }

        /** @return an empty block of at least {@code size} bytes, from the pool when it fits */
        byte[] block(int size) throws GiveUp {
            if (size > BLOCK) {
                return new byte[size];
            }
            byte[] b = free.poll();
            if (b == null) {
                if (allocated < POOL) {
                    allocated++;
                    return new byte[BLOCK];
                }
                try {
                    b = free.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new GiveUp("interrupted");
                }
            }
            return b;
        }

        /** Returns an unused block to the pool. */
        void recycle(byte[] block) {
            if (block.length == BLOCK) {
                free.offer(block);
            }
        }

        /** Hands over {@code rows} rows encoded in {@code bytes[0, length)}. */
        void rows(byte[] bytes, int length, long rows) {
            full.add(new Block(bytes, length, rows));
        }

        /**
         * Ends the rows and waits for both hashes.
         *
         * @return the file's SHA-256 and the rows' fingerprint, in hex
         */
        String[] finish() throws GiveUp {
            full.add(new Block(null, 0, -1));
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GiveUp("interrupted");
            }
            if (failure != null) {
                throw new GiveUp("hashing failed: " + failure);
            }
            return new String[] {fileHex, rowsHex};
        }

        void cancel() {
            cancelled = true;
            thread.interrupt();
        }
    }

    /** The levels of one sensitive column, keyed by their bytes, numbered in first-seen order. */
    private static final class Levels {
        private final int max;
        private int[] slots = new int[64];
        private int[] hashes = new int[64];
        private byte[][] bytes = new byte[16][];
        private byte[][] frames = new byte[16][];
        private int size;
        /** Levels of at most 7 bytes, by their bytes packed in a long (0 marks a free slot). */
        private long[] shortKeys = new long[16];
        private int[] shortCodes = new int[16];
        private int shortSize;

        Levels(int max) {
            Arrays.fill(slots, -1);
            this.max = max;
        }

        int size() {
            return size;
        }

        byte[] bytes(int code) {
            return bytes[code];
        }

        /** @return the level's fingerprint encoding: its UTF-8 bytes after their count (4 bytes, big-endian) */
        byte[] frame(int code) {
            return frames[code];
        }

        /** @return the code of {@code b[from, to)}, a new one for new bytes, or -1 past the limit */
        int code(byte[] b, int from, int to) {
            if (to - from <= 7) {
                // Up to 7 bytes: the bytes after a marker bit, so that the length is part of the key (never 0).
                long key = 1;
                for (int i = from; i < to; i++) {
                    key = (key << 8) | (b[i] & 0xff);
                }
                int mask = shortKeys.length - 1;
                for (int s = shortSlot(key, mask);; s = (s + 1) & mask) {
                    long x = shortKeys[s];
                    if (x == key) {
                        return shortCodes[s];
                    }
                    if (x == 0) {
                        break;
                    }
                }
                int c = general(b, from, to);
                if (c >= 0) {
                    insertShort(key, c);
                }
                return c;
            }
            return general(b, from, to);
        }

        private void insertShort(long key, int code) {
            if (2 * (shortSize + 1) > shortKeys.length) {
                long[] oldKeys = shortKeys;
                int[] oldCodes = shortCodes;
                shortKeys = new long[oldKeys.length * 2];
                shortCodes = new int[oldKeys.length * 2];
                shortSize = 0;
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldKeys[i] != 0) {
                        insertShort(oldKeys[i], oldCodes[i]);
                    }
                }
            }
            int mask = shortKeys.length - 1;
            int s = shortSlot(key, mask);
            while (shortKeys[s] != 0) {
                s = (s + 1) & mask;
            }
            shortKeys[s] = key;
            shortCodes[s] = code;
            shortSize++;
        }

        private static int shortSlot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 40) & mask;
        }

        private int general(byte[] b, int from, int to) {
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + b[i];
            }
            int mask = slots.length - 1;
            for (int s = mix(h) & mask;; s = (s + 1) & mask) {
                int c = slots[s];
                if (c < 0) {
                    break;
                }
                if (hashes[s] == h && same(bytes[c], b, from, to)) {
                    return c;
                }
            }
            if (size == max) {
                return -1;
            }
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, size * 2);
                frames = Arrays.copyOf(frames, size * 2);
            }
            bytes[size] = Arrays.copyOfRange(b, from, to);
            frames[size] = ByteBuffer.allocate(4 + to - from).putInt(to - from).put(b, from, to - from).array();
            insert(size, h);
            size++;
            if (size * 2 > slots.length) {
                rehash();
            }
            return size - 1;
        }

        private void insert(int code, int h) {
            int mask = slots.length - 1;
            int s = mix(h) & mask;
            while (slots[s] >= 0) {
                s = (s + 1) & mask;
            }
            slots[s] = code;
            hashes[s] = h;
        }

        private void rehash() {
            int[] old = slots;
            int[] oldHashes = hashes;
            slots = new int[old.length * 2];
            hashes = new int[old.length * 2];
            Arrays.fill(slots, -1);
            for (int s = 0; s < old.length; s++) {
                if (old[s] >= 0) {
                    insert(old[s], oldHashes[s]);
                }
            }
        }

        private static boolean same(byte[] level, byte[] b, int from, int to) {
            int n = level.length;
            if (n != to - from) {
                return false;
            }
            if (n > 16) {
                return Arrays.equals(level, 0, n, b, from, to);
            }
            for (int t = 0; t < n; t++) {
                if (level[t] != b[from + t]) {
                    return false;
                }
            }
            return true;
        }

        private static int mix(int h) {
            return (h ^ (h >>> 16)) * 0x45d9f3b;
        }
    }

    /** Open addressing from a non-negative long key to a number in first-seen order. */
    private static final class LongIds {
        private long[] keys = new long[64];
        private int[] ids = new int[64];
        private int size;

        LongIds() {
            Arrays.fill(keys, -1);
        }

        int size() {
            return size;
        }

        /** @return the key's id; a new key gets {@code size()} */
        int id(long key) {
            int mask = keys.length - 1;
            int s = mix(key) & mask;
            while (true) {
                long k = keys[s];
                if (k == key) {
                    return ids[s];
                }
                if (k < 0) {
                    break;
                }
                s = (s + 1) & mask;
            }
            keys[s] = key;
            ids[s] = size++;
            if (size * 2 > keys.length) {
                long[] oldKeys = keys;
                int[] oldIds = ids;
                keys = new long[oldKeys.length * 2];
                ids = new int[oldKeys.length * 2];
                Arrays.fill(keys, -1);
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldKeys[i] >= 0) {
                        int t = mix(oldKeys[i]) & (keys.length - 1);
                        while (keys[t] >= 0) {
                            t = (t + 1) & (keys.length - 1);
                        }
                        keys[t] = oldKeys[i];
                        ids[t] = oldIds[i];
                    }
                }
            }
            return size - 1;
        }

        private static int mix(long k) {
            long h = k * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }

    /** How a binary column's trimmed bytes map to 1 and 0. */
    private static final class Binary {
        private final boolean zeroOne;
        private final byte[][] positives;
        private final byte[][] negatives;

        Binary(BinaryValues values) {
            zeroOne = values.equals(BinaryValues.ZERO_ONE);
            positives = values.positives().stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
            negatives = values.negatives().stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        }

        /** @return 1, 0, or -1 for a cell in neither list */
        int code(byte[] b, int from, int to) {
            if (zeroOne) {
                if (to - from == 1) {
                    int c = b[from] - '0';
                    return (c & ~1) == 0 ? c : -1;
                }
                return -1;
            }
            for (byte[] v : positives) {
                if (Arrays.equals(v, 0, v.length, b, from, to)) {
                    return 1;
                }
            }
            for (byte[] v : negatives) {
                if (Arrays.equals(v, 0, v.length, b, from, to)) {
                    return 0;
                }
            }
            return -1;
        }
    }

    /** One pass over one file. */
    private static final class Reader {
        private static final byte IGNORED = 0;
        private static final byte LABEL = 1;
        private static final byte PREDICTION = 2;
        /** Sensitive column j has the role {@code SENSITIVE + j}. */
        private static final byte SENSITIVE = 3;

        private final CsvSource source;
        private final CsvColumns columns;
        private final int maxGroups;
        private final List<List<String>> groupings = new ArrayList<>();
        private final int[][] picks;
        private final int k;
        private final Binary labels;
        private final Binary predictions;
        private final Levels[] levels;
        private final Fingerprint.Rows fingerprint;

        private byte[] roles;
        private int columnCount;

        /** Per combination of codes (one per sensitive column, first-seen order): its codes and 4 counts. */
        private final LongIds combos = new LongIds();
        private int[] comboCodes = new int[64];
        private long[] counts = new long[64];
        /** Per grouping: its groups (projections of the combinations), to count them against {@code maxGroups}. */
        private final LongIds[] groupIds;

        private final int[] codes;
        private Hasher hasher;
        /** The block the rows are encoded into (for the fingerprint), with 8 bytes of slack past the rows. */
        private byte[] fp;
        /** Per combination and cell: the row's encoding in a long (first byte highest), when it has at most 8. */
        private long[] rowEncoding = new long[64];
        /** Per combination: the length of its rows' encoding. */
        private int[] rowLength = new int[16];
        private int fpLength;
        private long fpRows;
        private long rows;

        private Reader(CsvSource source, int maxGroups, int[][] picks) {
            this.source = source;
            this.columns = source.columns();
            this.maxGroups = maxGroups;
            this.picks = picks;
            this.k = columns.sensitive().size();
            labels = new Binary(columns.labelValues());
            predictions = new Binary(columns.predictionValues());
            levels = new Levels[k];
            for (int j = 0; j < k; j++) {
                levels[j] = new Levels(k == 1 ? MAX_LEVELS_ONE : MAX_LEVELS_MANY);
            }
            fingerprint = Fingerprint.Rows.binary(false, false, columns.sensitive());
            groupIds = new LongIds[picks.length];
            for (int g = 0; g < picks.length; g++) {
                groupIds[g] = new LongIds();
            }
            codes = new int[k];
        }

        static Reader create(CsvSource source, List<List<String>> groupings, int maxGroups) throws GiveUp {
            CsvColumns columns = source.columns();
            if (columns.score().isPresent() || columns.weight().isPresent()) {
                throw new GiveUp("a score or weight column");
            }
            if (columns.sensitive().size() > MAX_SENSITIVE) {
                throw new GiveUp("more than " + MAX_SENSITIVE + " sensitive columns");
            }
            if (groupings.isEmpty()) {
                throw new GiveUp("no grouping");
            }
            Map<List<String>, int[]> distinct = new LinkedHashMap<>();
            for (List<String> g : groupings) {
                int[] pick = new int[g.size()];
                for (int j = 0; j < g.size(); j++) {
                    pick[j] = columns.sensitive().indexOf(g.get(j));
                    if (pick[j] < 0) {
                        throw new GiveUp("a grouping names an unmapped column");
                    }
                }
                if (pick.length == 0 || Arrays.stream(pick).distinct().count() != pick.length) {
                    throw new GiveUp("an empty grouping or a repeated feature");
                }
                distinct.putIfAbsent(List.copyOf(g), pick);
            }
            Reader r = new Reader(source, maxGroups, distinct.values().toArray(new int[0][]));
            r.groupings.addAll(distinct.keySet());
            return r;
        }

        StreamedInput read(LongConsumer rowsRead, Hasher hash, int chunk) throws IOException, GiveUp {
            this.hasher = hash;
            fp = hash.block(Hasher.BLOCK);
            byte[] buf = new byte[chunk];
            int length = 0;
            int pos = 0;
            boolean header = true;
            boolean eof = false;
            try (FileChannel ch = FileChannel.open(source.file(), StandardOpenOption.READ)) {
                while (!eof) {
                    if (pos > 0) {
                        System.arraycopy(buf, pos, buf, 0, length - pos);
                        length -= pos;
                        pos = 0;
                    }
                    if (length == buf.length) {
                        if (buf.length >= MAX_LINE) {
                            throw new GiveUp("a line longer than " + MAX_LINE + " bytes");
                        }
                        buf = Arrays.copyOf(buf, buf.length * 2);
                    }
                    int n = ch.read(ByteBuffer.wrap(buf, length, buf.length - length));
                    if (n < 0) {
                        eof = true;
                        if (length > 0 && buf[length - 1] != '\n') {
                            // The last line has no line end: read it as if it had one ("x\r" then reads as "x\r\n",
                            // as the streaming reader takes a lone '\r' at the end for a line end).
                            if (length == buf.length) {
                                buf = Arrays.copyOf(buf, buf.length + 1);
                            }
                            buf[length++] = '\n';
                        }
                    } else {
                        length += n;
                    }
                    int end = length;
                    while (end > pos && buf[end - 1] != '\n') {
                        end--;
                    }
                    if (end == pos) {
                        continue;
                    }
                    if (header) {
                        pos = header(buf, pos);
                        header = false;
                    }
                    pos = lines(buf, pos, end);
                    rowsRead.accept(rows);
                }
            }
            if (header) {
                throw new GiveUp("an empty file");
            }
            if (rows == 0) {
                throw new GiveUp("no data row");
            }
            if (fpRows > 0) {
                hasher.rows(fp, fpLength, fpRows);
            }
            String[] hashes = hash.finish();
            Map<List<String>, GroupTally> tallies = new LinkedHashMap<>();
            for (int g = 0; g < picks.length; g++) {
                tallies.put(groupings.get(g), tally(g));
            }
            return new StreamedInput(source.file(), rows, hashes[1], hashes[0], tallies);
        }

        /** Reads the header line at {@code from}; @return where the next line starts. */
        private int header(byte[] b, int from) throws GiveUp {
            int end = from;
            boolean high = false;
            while (b[end] != '\n') {
                byte c = CLASS[b[end] & 0xff];
                if (c == QUOTE) {
                    throw new GiveUp("a quote in the header");
                }
                if (c == CR && b[end + 1] != '\n') {
                    throw new GiveUp("a lone carriage return");
                }
                high |= c == HIGH;
                end++;
            }
            if (end - from >= 3 && (b[from] & 0xff) == 0xEF && (b[from + 1] & 0xff) == 0xBB
                    && (b[from + 2] & 0xff) == 0xBF) {
                throw new GiveUp("a byte-order mark");
            }
            if (high && !Utf8.valid(b, from, end)) {
                throw new GiveUp("malformed UTF-8");
            }
            String line = new String(b, from, end - from, StandardCharsets.UTF_8);
            if (line.isBlank()) {
                throw new GiveUp("a blank first line");
            }
            List<String> names = new ArrayList<>();
            for (String cell : line.split(",", -1)) {
                names.add(cell.trim());
            }
            columnCount = names.size();
            roles = new byte[columnCount];
            role(names, columns.label(), LABEL);
            role(names, columns.prediction(), PREDICTION);
            for (int j = 0; j < k; j++) {
                role(names, columns.sensitive().get(j), (byte) (SENSITIVE + j));
            }
            if (columns.id().isPresent()) {
                role(names, columns.id().get(), IGNORED);
            }
            return end + 1;
        }

        private void role(List<String> names, String column, byte role) throws GiveUp {
            int i = names.indexOf(column);
            if (i < 0 || names.lastIndexOf(column) != i) {
                throw new GiveUp("a mapped column missing or repeated in the header");
            }
            roles[i] = role;
        }

        /**
         * Reads the lines in {@code b[from, to)}, each ending with {@code '\n'}.
         *
         * @return {@code to}
         */
        private int lines(byte[] b, int from, int to) throws GiveUp {
            int i = from;
            while (i < to) {
                byte first = b[i];
                if (first == '\n') {
                    i++;
                } else if (first == '\r' && b[i + 1] == '\n') {
                    i += 2;
                } else {
                    i = line(b, i);
                }
            }
            return to;
        }

        /**
         * Reads and counts the non-empty line at {@code i} (a method of its own, called once a row, so that the JIT
         * compiles it early).
         *
         * @return where the next line starts
         */
        private int line(byte[] b, int i) throws GiveUp {
            final byte[] roles = this.roles;
            final int lastColumn = this.columnCount - 1;
            final int[] codes = this.codes;
            int lineStart = i;
            int label = -1;
            int prediction = -1;
            boolean high = false;
            for (int column = 0;; column++) {
                int s = i;
                byte c;
                while ((c = CLASS[b[i] & 0xff]) == 0) {
                    i++;
                }
                while (c >= CR) {
                    if (c == CR) {
                        if (b[i + 1] != '\n') {
                            throw new GiveUp("a lone carriage return");
                        }
                    } else if (c == QUOTE) {
                        throw new GiveUp("a quote");
                    } else {
                        high = true;
                    }
                    i++;
                    while ((c = CLASS[b[i] & 0xff]) == 0) {
                        i++;
                    }
                }
                // b[i] is ',' or '\n': the cell is b[s, i)
                if (column > lastColumn) {
                    throw new GiveUp("a record with too many cells");
                }
                byte role = roles[column];
                if (role != IGNORED) {
                    int e = i;
                    while (s < e && (b[s] & 0xff) <= ' ') {
                        s++;
                    }
                    while (e > s && (b[e - 1] & 0xff) <= ' ') {
                        e--;
                    }
                    if (role == LABEL) {
                        label = labels.code(b, s, e);
                        if (label < 0) {
                            throw new GiveUp("a label outside its values");
                        }
                    } else if (role == PREDICTION) {
                        prediction = predictions.code(b, s, e);
                        if (prediction < 0) {
                            throw new GiveUp("a prediction outside its values");
                        }
                    } else {
                        if (s == e) {
                            throw new GiveUp("an empty level");
                        }
                        int j = role - SENSITIVE;
                        int code = levels[j].code(b, s, e);
                        if (code < 0) {
                            throw new GiveUp("more levels than kept");
                        }
                        codes[j] = code;
                    }
                }
                i++;
                if (c == NEWLINE) {
                    if (column != lastColumn) {
                        throw new GiveUp("a record with too few cells (or a blank line)");
                    }
                    break;
                }
            }
            if (high && !Utf8.valid(b, lineStart, i - 1)) {
                throw new GiveUp("malformed UTF-8");
            }
            count(label, prediction, codes);
            return i;
        }

        /** Counts a validated row and appends its fingerprint encoding. */
        private void count(int label, int prediction, int[] codes) throws GiveUp {
            int combo;
            if (k == 1) {
                combo = codes[0];
                if (combo == combos.size()) {
                    newCombo(combos.id(combo), codes);
                }
            } else {
                long key = 0;
                for (int j = 0; j < k; j++) {
                    key = (key << BITS_MANY) | codes[j];
                }
                int before = combos.size();
                combo = combos.id(key);
                if (combo == before) {
                    newCombo(combo, codes);
                }
            }
            counts[4 * combo + 2 * label + prediction]++;
            rows++;
            int len = rowLength[combo];
            if (fpLength + len + 8 > fp.length) {
                flushFingerprint(len + 8);
            }
            int n = fpLength;
            if (len <= 8) {
                LONGS.set(fp, n, rowEncoding[4 * combo + 2 * label + prediction]);
                n += len;
            } else {
                byte[] f = fp;
                f[n] = (byte) label;
                f[n + 1] = (byte) prediction;
                n += 2;
                for (int j = 0; j < k; j++) {
                    byte[] frame = levels[j].frame(codes[j]);
                    System.arraycopy(frame, 0, f, n, frame.length);
                    n += frame.length;
                }
            }
            fpLength = n;
            fpRows++;
        }

        private void newCombo(int combo, int[] codes) throws GiveUp {
            if (4 * combo + 4 > counts.length) {
                counts = Arrays.copyOf(counts, counts.length * 2);
                rowEncoding = Arrays.copyOf(rowEncoding, rowEncoding.length * 2);
                rowLength = Arrays.copyOf(rowLength, rowLength.length * 2);
            }
            if ((combo + 1) * k > comboCodes.length) {
                comboCodes = Arrays.copyOf(comboCodes, Math.max(comboCodes.length * 2, (combo + 1) * k));
            }
            System.arraycopy(codes, 0, comboCodes, combo * k, k);
            int encoding = 2;
            for (int j = 0; j < k; j++) {
                encoding += levels[j].frame(codes[j]).length;
            }
            rowLength[combo] = encoding;
            if (encoding <= 8) {
                byte[] row = new byte[8];
                int n = 2;
                for (int j = 0; j < k; j++) {
                    byte[] frame = levels[j].frame(codes[j]);
                    System.arraycopy(frame, 0, row, n, frame.length);
                    n += frame.length;
                }
                for (int cell = 0; cell < 4; cell++) {
                    row[0] = (byte) (cell >> 1);
                    row[1] = (byte) (cell & 1);
                    rowEncoding[4 * combo + cell] = (long) LONGS.get(row, 0);
                }
            }
            for (int g = 0; g < picks.length; g++) {
                long key = 0;
                for (int j : picks[g]) {
                    key = (key << BITS_MANY) | codes[j];
                }
                groupIds[g].id(key);
                if (groupIds[g].size() > maxGroups) {
                    throw new GiveUp("a grouping with more than " + maxGroups + " groups");
                }
            }
        }

        /** Hands the encoded rows to the hasher and takes a block with room for {@code room} more bytes. */
        private void flushFingerprint(int room) throws GiveUp {
            if (fpRows > 0) {
                hasher.rows(fp, fpLength, fpRows);
                fp = hasher.block(Math.max(room, Hasher.BLOCK));
            }
            fpLength = 0;
            fpRows = 0;
            if (fp.length < room) {
                hasher.recycle(fp);
                fp = hasher.block(room);
            }
        }

        /** The tally of grouping {@code g}: every combination's counts under its group's levels, first-seen order. */
        private GroupTally tally(int g) {
            GroupTally t = GroupTally.create(groupings.get(g), false, 0);
            String[][] names = new String[k][];
            for (int j = 0; j < k; j++) {
                names[j] = new String[levels[j].size()];
            }
            int[] pick = picks[g];
            for (int combo = 0; combo < combos.size(); combo++) {
                String[] l = new String[pick.length];
                for (int j = 0; j < pick.length; j++) {
                    int col = pick[j];
                    int code = comboCodes[combo * k + col];
                    if (names[col][code] == null) {
                        names[col][code] = new String(levels[col].bytes(code), StandardCharsets.UTF_8);
                    }
                    l[j] = names[col][code];
                }
                List<String> key = Arrays.asList(l);
                for (int cell = 0; cell < 4; cell++) {
                    t.acceptRows(key, cell >> 1, cell & 1, counts[4 * combo + cell]);
                }
            }
            return t;
        }
    }
}
