package org.fairkit.stats.proportion;

import org.fairkit.core.internal.InputErrors;

/** Argument checks shared by the interval classes; messages name the parameter, the value and the domain. */
final class ProportionArguments {
    private ProportionArguments() {
    }

    static void counts(String successesName, long successes, String trialsName, long trials) {
        if (trials < 1) {
            throw InputErrors.badSetting(trialsName, trials, ">= 1");
        }
        if (successes < 0 || successes > trials) {
            throw InputErrors.badSetting(successesName, successes, "in [0, " + trialsName + " = " + trials + "]");
        }
    }

    static void level(double level) {
        if (!(level > 0 && level < 1)) {
            throw InputErrors.badSetting("level", level, "in (0, 1), e.g. 0.95");
        }
    }
}
