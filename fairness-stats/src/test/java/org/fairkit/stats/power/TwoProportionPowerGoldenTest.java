package org.fairkit.stats.power;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.fairkit.stats.golden.Golden;
import org.fairkit.stats.golden.Tol;
import org.fairkit.testkit.GoldenJson;
import org.junit.jupiter.api.Test;

/** Golden values from statsmodels 0.13.5 {@code NormalIndPower} ({@code stats.json -> power}). */
class TwoProportionPowerGoldenTest {

    @Test
    void powerMatchesStatsmodelsNormalIndPowerWithBothTails() {
        int n = 0;
        for (JsonNode row : Golden.rows("power", "power_rows")) {
            double p1 = row.get("p1").asDouble();
            double p2 = row.get("p2").asDouble();
            String call = Golden.call(row);
            Tol.close(TwoProportionPower.cohensH(p1, p2), GoldenJson.number(row.get("cohens_h")), Tol.CLOSED, 1e-16,
                    call + " cohens_h");
            double power = TwoProportionPower.power(p1, p2, row.get("nobs1").asLong(), row.get("nobs2").asLong(),
                    row.get("alpha").asDouble());
            Tol.close(power, GoldenJson.number(row.get("power")), Tol.CLOSED, call + " power");
            n++;
        }
        assertThat(n).isEqualTo(7);
    }

    @Test
    void minimumDetectableDifferenceMatchesBrentRefinedSolution() {
        int n = 0;
        for (JsonNode row : Golden.rows("power", "mdd_rows")) {
            MinimumDetectableDifference mdd = TwoProportionPower.minimumDetectableDifference(
                    row.get("baseline").asDouble(), row.get("nobs1").asLong(), row.get("nobs2").asLong(),
                    row.get("alpha").asDouble(), row.get("power").asDouble());
            String call = Golden.call(row);
            Tol.close(mdd.cohensH(), GoldenJson.number(row.get("h_refined")), Tol.ITERATIVE, call + " h_refined (brentq)");
            Tol.close(mdd.rateUp().value(), GoldenJson.number(row.get("p2_up")), Tol.ITERATIVE, call + " p2_up");
            Tol.close(mdd.rateDown().value(), GoldenJson.number(row.get("p2_down")), Tol.ITERATIVE, call + " p2_down");
            Tol.close(mdd.differenceUp().value(), GoldenJson.number(row.get("mdd_up")), Tol.ITERATIVE, call + " mdd_up");
            Tol.close(mdd.differenceDown().value(), GoldenJson.number(row.get("mdd_down")), Tol.ITERATIVE,
                    call + " mdd_down");
            n++;
        }
        assertThat(n).isEqualTo(4);
    }
}
