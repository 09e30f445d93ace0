package org.fairkit.orchestration.trail;

import java.nio.file.Path;

/** Every message of the audit trail, built in one place so that the wording is consistent and tested. */
final class TrailMessages {
    private TrailMessages() {
    }

    static String at(long line, long offset) {
        return "line " + line + " (byte " + offset + ")";
    }

    static String malformed(long line, long offset, String detail) {
        return at(line, offset) + ": not a trail entry: " + detail;
    }

    static String hashMismatch(long line, long offset) {
        return at(line, offset) + ": the entry's content does not match its hash: the line was edited";
    }

    static String sequence(long line, long offset, long found) {
        return at(line, offset) + ": entry number " + found + " where " + line + " was expected: an entry was "
                + "deleted, inserted or moved before this line";
    }

    static String chainBroken(long line, long offset) {
        return at(line, offset) + ": its previous-entry hash is not the hash of " + (line == 1
                ? "the genesis (64 zeros)" : "line " + (line - 1)) + ": an entry before it was replaced or the chain "
                + "was spliced";
    }

    static String tornTail(long line, long offset, long bytes) {
        return at(line, offset) + ": torn last line (" + bytes + (bytes == 1 ? " byte" : " bytes")
                + " without a newline), left by an interrupted append";
    }

    static String truncated(long entries, long anchored) {
        return "the trail has " + entries + (entries == 1 ? " entry" : " entries") + " but the anchor records "
                + anchored + ": entries were removed from the end";
    }

    static String anchorMismatch(long line, long offset) {
        return at(line, offset) + ": the entry's hash differs from the anchor's: the trail was rewritten up to "
                + "this entry";
    }

    static String symbolicLink(Path path) {
        return "the audit trail " + path + " is a symbolic link; FairKit never follows links to the evidence: give the "
                + "trail file itself";
    }

    static String refuseAppend(Path path, String why) {
        return "cannot append to the audit trail " + path + ": " + why;
    }

    static String tornTailRefusal(long offset, long bytes) {
        return "it ends with a torn line at byte " + offset + " (" + bytes + (bytes == 1 ? " byte" : " bytes")
                + " without a newline, left by an interrupted append); check it, then call repairTornTail()";
    }

    static String badLastEntry(String problem) {
        return "its last line is not a valid entry (" + problem + "); run verify()";
    }

    static String notIntact(Path path, String problem) {
        return "the audit trail " + path + " is not intact: " + problem;
    }

    static String badFingerprint(String fingerprint) {
        return "reportFingerprint must be a SHA-256 as 64 hex digits, got '" + fingerprint + "'";
    }
}
