package org.fairkit.orchestration.monitor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.fairkit.core.FairnessData;
import org.fairkit.core.group.SensitiveFeature;
import org.fairkit.core.internal.Fingerprint;
import org.fairkit.core.multiclass.MulticlassData;
import org.fairkit.core.ranking.Ranking;

/**
 * The fingerprints of the batches of tasks that core gives no row fingerprint (multiclass, ranking): a SHA-256 over a
 * canonical text encoding of the columns a window evaluates, one line per row (fields separated by U+001F, doubles
 * as {@link Double#toString}). A window's input fingerprint is then the SHA-256 of its batches' fingerprints, one
 * per line, in order.
 */
final class BatchDigests {
    private static final char SEP = '\u001f';

    private BatchDigests() {
    }

    /** Multiclass rows: true class, predicted class, weight, then each grouping feature's level. */
    static String of(MulticlassData data, FairnessData base, List<String> groupBy) {
        List<SensitiveFeature> features = new ArrayList<>();
        for (String f : groupBy) {
            features.add(base.sensitive(f));
        }
        MessageDigest d = Fingerprint.sha256();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < data.rows(); i++) {
            line.setLength(0);
            line.append(data.label(i)).append(SEP).append(data.prediction(i)).append(SEP).append(base.weight(i));
            for (SensitiveFeature f : features) {
                line.append(SEP).append(f.level(i));
            }
            d.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        }
        return Fingerprint.hex(d);
    }

    /**
     * Rankings: per ranking a header line with its item count, then per item its first and last position, its
     * relevance (empty without relevance) and its group's levels.
     */
    static String of(List<Ranking> rankings) {
        MessageDigest d = Fingerprint.sha256();
        StringBuilder line = new StringBuilder();
        for (Ranking r : rankings) {
            d.update(("ranking" + SEP + r.items() + "\n").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < r.items(); i++) {
                line.setLength(0);
                line.append(r.firstPosition(i)).append(SEP).append(r.lastPosition(i)).append(SEP)
                        .append(r.hasRelevance() ? Double.toString(r.relevance(i)) : "");
                for (String level : r.grouping().groups().get(r.grouping().groupOf(i)).levels()) {
                    line.append(SEP).append(level);
                }
                d.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return Fingerprint.hex(d);
    }
}
