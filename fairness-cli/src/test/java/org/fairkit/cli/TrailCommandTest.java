package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrailCommandTest {
    private static final String NL = System.lineSeparator();

    /** A trail of two runs written by {@code audit --out}. */
    private static Path trail(Path tmp) {
        Path lending = Cli.lending(tmp, 500, 1);
        Path out = tmp.resolve("run");
        for (int i = 0; i < 2; i++) {
            Cli.Result r = Cli.run(Cli.audit(lending, "--out", out.toString(), "--outputs", "detailed_report"));
            assertThat(r.code()).as(r.toString()).isZero();
        }
        return out.resolve("audit-trail.jsonl");
    }

    @Test
    void anIntactTrailExitsZeroAndPrintsItsAnchor(@TempDir Path tmp) {
        Path trail = trail(tmp);
        Cli.Result r = Cli.run("trail", "verify", trail.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith(trail + ": intact, 2 entries, head ");
        String head = r.out().lines().findFirst().orElseThrow().replaceAll(".* head ", "");
        Cli.Result anchored = Cli.run("trail", "verify", trail.toString(), "--entries", "2", "--head", head);
        assertThat(anchored.code()).as(anchored.toString()).isZero();
        Cli.Result wrongAnchor = Cli.run("trail", "verify", trail.toString(), "--entries", "3", "--head", head);
        assertThat(wrongAnchor.code()).isEqualTo(ExitCode.FINDING);
        assertThat(wrongAnchor.out()).contains("TRUNCATED");
    }

    @Test
    void aTamperedTrailExitsOneNamingTheLine(@TempDir Path tmp) throws IOException {
        Path trail = trail(tmp);
        List<String> lines = Files.readAllLines(trail, StandardCharsets.UTF_8);
        lines.set(1, lines.get(1).replace("\"plan_id\":\"lending-500-1\"", "\"plan_id\":\"lending-500-2\""));
        assertThat(lines.get(1)).contains("lending-500-2");
        Files.writeString(trail, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("trail", "verify", trail.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.FINDING);
        assertThat(r.out()).startsWith(trail + ": NOT INTACT: 1 entry good, then line 2: HASH_MISMATCH: ");
        JsonNode json = Cli.run("trail", "verify", trail.toString(), "--format", "json").json();
        assertThat(json.get("intact").asBoolean()).isFalse();
        assertThat(json.get("problem").get("line").asLong()).isEqualTo(2);
        assertThat(json.get("problem").get("kind").asText()).isEqualTo("HASH_MISMATCH");
    }

    @Test
    void aTornTailIsReportedThenRepaired(@TempDir Path tmp) throws IOException {
        Path trail = trail(tmp);
        Files.writeString(trail, "{\"seq\":3,\"ti", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Cli.Result r = Cli.run("trail", "verify", trail.toString());
        assertThat(r.code()).isEqualTo(ExitCode.FINDING);
        assertThat(r.out()).contains("TORN_TAIL").contains("fairkit trail repair " + trail);
        Cli.Result repair = Cli.run("trail", "repair", trail.toString());
        assertThat(repair.code()).as(repair.toString()).isZero();
        assertThat(repair.out()).startsWith(trail + ": removed a torn last line of 12 bytes at byte ");
        assertThat(Cli.run("trail", "verify", trail.toString()).code()).isZero();
        assertThat(Cli.run("trail", "repair", trail.toString()).out()).isEqualTo(trail + ": no torn last line; "
                + "nothing removed" + NL);
    }

    @Test
    void aMissingTrailIsBadInputAndIsNotCreated(@TempDir Path tmp) {
        Path none = tmp.resolve("audit-trail.jsonl");
        Cli.Result r = Cli.run("trail", "verify", none.toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).isEqualTo("fairkit trail verify: error: audit trail '" + none + "' does not exist" + NL);
        assertThat(none).doesNotExist();
        Cli.Result half = Cli.run("trail", "verify", tmp.toString(), "--entries", "1");
        assertThat(half.code()).isEqualTo(ExitCode.BAD_INPUT);
    }
}
