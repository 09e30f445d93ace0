package org.fairkit.orchestration.trail;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link AuditTrail#verify()}: whether the whole trail is intact, how many entries are good, the
 * head of the good part, and the first problem.
 *
 * @param path the trail file
 * @param goodEntries the entries before the first problem (all of them when valid)
 * @param headHash the hash of the last good entry, the genesis hash (64 zeros) when there is none
 * @param problem the first problem, empty when the trail is intact
 */
public record TrailVerification(Path path, long goodEntries, String headHash, Optional<TrailProblem> problem) {

    /** Validates that every part is present. */
    public TrailVerification {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(headHash, "headHash");
        Objects.requireNonNull(problem, "problem");
    }

    /** @return whether every entry is intact and chained */
    public boolean valid() {
        return problem.isEmpty();
    }

    /** @return whether the only problem is a torn last line, which {@link AuditTrail#repairTornTail()} fixes */
    public boolean onlyTornTail() {
        return problem.map(p -> p.kind() == TrailProblem.Kind.TORN_TAIL).orElse(false);
    }

    /**
     * @return the anchor of the intact trail, to keep elsewhere
     * @throws IllegalStateException if the trail is not intact
     */
    public TrailAnchor anchor() {
        if (!valid()) {
            throw new IllegalStateException("no anchor for a trail that is not intact: " + problem.get().message());
        }
        return new TrailAnchor(goodEntries, headHash);
    }

    /** @return e.g. {@code trail.jsonl: 12 entries, intact, head 3f2a...} or the problem */
    @Override
    public String toString() {
        return path.getFileName() + ": " + goodEntries + (goodEntries == 1 ? " entry" : " entries")
                + problem.map(p -> " good, then " + p.kind() + ": " + p.message())
                        .orElse(", intact, head " + headHash);
    }
}
