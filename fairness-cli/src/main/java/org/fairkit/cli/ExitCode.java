package org.fairkit.cli;

/**
 * The exit codes of every {@code fairkit} command, so scripts and CI gates can branch on them.
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>{@value #OK}</td><td>done; for {@code check} the policy passed, for {@code plan} the audit is feasible
 *       (possibly with warnings), for {@code trail verify} the trail is intact</td></tr>
 *   <tr><td>{@value #FINDING}</td><td>the command ran and found a problem: a policy that did not pass (a failed or
 *       inconclusive rule), a plan that is not feasible, a trail that is not intact</td></tr>
 *   <tr><td>{@value #BAD_INPUT}</td><td>bad input: an unknown option or metric id, a missing file or column, a bad
 *       cell (the message names the file line and data row), an invalid policy</td></tr>
 *   <tr><td>{@value #INTERNAL_ERROR}</td><td>a bug in FairKit (the only case that prints a stack trace)</td></tr>
 * </table>
 */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** The command ran and its verdict is negative (policy violated, plan not feasible, trail not intact). */
    public static final int FINDING = 1;
    /** The input or the command line is wrong. */
    public static final int BAD_INPUT = 2;
    /** An unexpected error inside FairKit ({@code EX_SOFTWARE} of sysexits.h). */
    public static final int INTERNAL_ERROR = 70;

    private ExitCode() {
    }
}
