package org.fairkit.orchestration.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.fairkit.core.TaskReport;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.ranking.ExposureTally;
import org.fairkit.core.ranking.RankingFairness;
import org.fairkit.core.regression.RegressionData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Properties of the task readers on random files: exact round trips, and results free of the rows' order. */
class TaskCsvPropertiesTest {
    @TempDir
    Path dir;

    private Path write(String name, List<String> lines) {
        try {
            return Files.write(dir.resolve(name), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void regressionCellsReadBackExactlyAsWritten() {
        qt().withFixedSeed(11).withExamples(60).forAll(integers().between(1, 40), longs().all()).checkAssert((n, seed) -> {
            Random rnd = new Random(seed);
            double[] y = new double[n];
            double[] p = new double[n];
            List<String> lines = new ArrayList<>(List.of("g,y,p"));
            for (int i = 0; i < n; i++) {
                y[i] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(7) - 3);
                p[i] = rnd.nextInt(3) == 0 ? y[i] : rnd.nextGaussian();
                lines.add((char) ('a' + rnd.nextInt(3)) + "," + y[i] + "," + p[i]);
            }
            try {
                RegressionData d = TaskCsv.regression(write("r.csv", lines), "y", "p", Optional.empty(), List.of("g"),
                        r -> { });
                for (int i = 0; i < n; i++) {
                    assertThat(d.target(i)).isEqualTo(y[i]);
                    assertThat(d.prediction(i)).isEqualTo(p[i]);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Shuffling the rows of a file of rankings (queries interleaved) changes no pooled exposure. */
    @Test
    void pooledExposureIsInvariantUnderRowOrder() {
        qt().withFixedSeed(12).withExamples(40).forAll(integers().between(1, 6), integers().between(1, 8), longs().all())
                .checkAssert((queries, items, seed) -> {
                    Random rnd = new Random(seed);
                    List<String> rows = new ArrayList<>();
                    for (int q = 0; q < queries; q++) {
                        List<Integer> ranks = new ArrayList<>();
                        for (int r = 1; r <= items; r++) {
                            ranks.add(r);
                        }
                        Collections.shuffle(ranks, rnd);
                        for (int r : ranks) {
                            rows.add("q" + q + "," + (rnd.nextBoolean() ? "a" : "b") + "," + r + "," + rnd.nextInt(3));
                        }
                    }
                    List<String> shuffled = new ArrayList<>(rows);
                    Collections.shuffle(shuffled, rnd);
                    List<String> a = new ArrayList<>(List.of("q,g,r,u"));
                    a.addAll(rows);
                    List<String> b = new ArrayList<>(List.of("q,g,r,u"));
                    b.addAll(shuffled);
                    TaskReport ra = pooled(write("a.csv", a));
                    TaskReport rb = pooled(write("b.csv", b));
                    assertThat(rb.groups()).isEqualTo(ra.groups());
                    assertThat(rb.sizes()).isEqualTo(ra.sizes());
                    for (GroupValues v : ra.metrics()) {
                        GroupValues w = rb.values(v.metricId()).orElseThrow();
                        for (int g = 0; g < ra.groups().size(); g++) {
                            assertThat(w.value(g).isDefined()).isEqualTo(v.value(g).isDefined());
                            if (v.value(g).isDefined()) {
                                assertThat(w.value(g).value()).isCloseTo(v.value(g).value(), within(1e-12));
                            }
                        }
                    }
                });
    }

    private static TaskReport pooled(Path file) {
        try {
            TaskCsv.Rankings rs = TaskCsv.rankings(file, TaskCsv.RankingColumns.ranked(Optional.of("q"), "r",
                    Optional.of("u"), List.of("g")), r -> { });
            ExposureTally t = ExposureTally.empty(List.of("g"), true);
            for (TaskCsv.Query q : rs.queries()) {
                t = t.add(RankingFairness.of(q.ranking(List.of("g"))).evaluate());
            }
            return t.report();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
