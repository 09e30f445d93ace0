package org.fairkit.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.group.SensitiveFeature;

/**
 * The sensitive features of a data set, by name in the order they were added, with the groupings over them
 * (one feature or the intersection of several) computed once per feature list and cached. Shared by every input
 * type ({@code FairnessData}, {@code RegressionData}, {@code MulticlassData}); immutable apart from the cache,
 * which is thread-safe.
 */
public final class SensitiveFeatures {
    private final Map<String, SensitiveFeature> byName;
    private final Map<List<String>, Grouping> groupings = new ConcurrentHashMap<>();

    SensitiveFeatures(Map<String, SensitiveFeature> byName) {
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    /** @return the feature names, in the order they were added */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** @return the features, in the order they were added */
    public Collection<SensitiveFeature> all() {
        return byName.values();
    }

    /**
     * @return the feature with this name
     * @throws IllegalArgumentException listing the known names if there is none
     */
    public SensitiveFeature get(String name) {
        SensitiveFeature f = byName.get(name);
        if (f == null) {
            throw InputErrors.unknownFeature(name, byName.keySet());
        }
        return f;
    }

    /**
     * The grouping by one feature or the intersection of several; computed once per feature list and cached.
     *
     * @throws IllegalArgumentException if a name is unknown
     */
    public Grouping grouping(List<String> features) {
        List<String> key = List.copyOf(features);
        Grouping g = groupings.get(key);
        if (g == null) {
            List<SensitiveFeature> fs = new ArrayList<>();
            for (String name : key) {
                fs.add(get(name));
            }
            g = groupings.computeIfAbsent(key, k -> Grouping.of(fs));
        }
        return g;
    }

    @Override
    public String toString() {
        return byName.keySet().toString();
    }
}
