package dev.bklint.rules.buildctl;

import dev.bklint.rules.Headline;
import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.Flag;
import dev.bklint.buildkit.Invocation;
import dev.bklint.buildkit.Word;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.finding.Edit;
import dev.bklint.finding.Fix;
import dev.bklint.finding.Severity;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.yaml.YScalar;
import java.util.List;
import java.util.Set;

/**
 * BK404: in CI {@code --progress=plain} shows each step's output; {@code auto} picks the TTY display when stderr
 * is a terminal, which it is under Buildkite's PTY. A plain Kubernetes workload has a terminal only with
 * {@code tty: true}; without one {@code auto} already prints plain output, so it is not reported. An invalid value
 * makes buildctl fail wherever it runs.
 */
public final class ProgressNotPlain implements Rule {
    private static final Set<String> VALID = Set.of("auto", "plain", "tty", "rawjson", "quiet", "");
    private static final Set<String> FINE = Set.of("plain", "rawjson", "quiet");

    @Override
    public void visitBuildctl(Invocation invocation, Reporter reporter) {
        Word sub = invocation.command().subcommand();
        if (!invocation.command().isBuild() || sub == null) {
            return;
        }
        Flag progress = invocation.command().flag("progress");
        String value = progress == null ? null : progress.value();
        if (value != null && !VALID.contains(value)) {
            reporter.report(Severity.ERROR, invocation.valueSpan(progress), Headline.first("`--progress=" + value
                    + "` is not a progress mode.", "The value of `--progress` is not a progress mode."), "buildctl "
                    + "fails with `invalid progress mode " + value + "`. Valid values: auto, plain, tty, rawjson, "
                    + "quiet.", new Fix("Use `--progress=plain`.",
                    "--progress=plain", invocation.isPlain(progress)
                    ? List.of(new Edit(invocation.flagSpan(progress), "--progress=plain")) : List.of()));
            return;
        }
        if (value != null && FINE.contains(value)) {
            return;
        }
        if (value == null || value.equals("auto") || value.isEmpty()) {
            var env = invocation.container().env();
            var fromEnv = env == null ? null : env.get("BUILDKIT_PROGRESS");
            if (fromEnv != null && FINE.contains(fromEnv.value())) {
                return; // BUILDKIT_PROGRESS overrides an auto progress mode
            }
        }
        String terminal = terminal(invocation);
        if (terminal == null && "tty".equals(value)) {
            reporter.report(Severity.ERROR, invocation.valueSpan(progress), Headline.first("`--progress=tty` needs "
                    + "a terminal, and container `" + invocation.container().name() + "` has none (no `tty: true`).",
                    "`--progress=tty` needs a terminal, and this container has none (no `tty: true`)."),
                    "buildctl fails with `failed to get console`.", new Fix("Use `--progress=plain`.", "--progress=plain",
                    invocation.isPlain(progress)
                            ? List.of(new Edit(invocation.flagSpan(progress), "--progress=plain")) : List.of()));
            return;
        }
        if (terminal == null) {
            return;
        }
        String what = progress == null ? "no `--progress` (mode `auto`)" : "`--progress=" + value + "`";
        Fix fix = progress == null
                ? new Fix("Add `--progress=plain`.", "--progress=plain",
                        List.of(new Edit(invocation.span(sub.end(), sub.end()), " --progress=plain")))
                : new Fix("Use `--progress=plain`.", "--progress=plain", invocation.isPlain(progress)
                        ? List.of(new Edit(invocation.flagSpan(progress), "--progress=plain")) : List.of());
        reporter.report(progress == null ? invocation.span(sub) : invocation.flagSpan(progress), "This build has "
                + what + ", which under " + terminal + " draws the interactive display.", "The interactive display "
                + "hides each step's output in the job log; `--progress=plain` prints every step's output, which "
                + "is what you want when a CI build fails.", fix);
    }

    /**
     * The terminal the build's stderr is attached to, or null when it has none: a Buildkite step runs its command
     * in a PTY (unless the agent sets {@code no-pty}, which the file does not show); a container of a plain
     * manifest gets a terminal only from {@code tty: true}.
     */
    static String terminal(Invocation invocation) {
        BuildkitContainer c = invocation.container();
        if (c.step().step() != null) {
            return "Buildkite's PTY";
        }
        PodContainer pc = c.container();
        YScalar tty = pc == null || pc.node() == null ? null : pc.node().getScalar("tty");
        return tty != null && tty.isTrue() ? "the container's `tty: true`" : null;
    }
}
