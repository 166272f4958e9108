package dev.bklint.engine;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.Evidence;
import dev.bklint.buildkit.Invocation;
import dev.bklint.kubernetes.EffectiveInterposer;
import dev.bklint.rules.StepAnalysis;
import java.util.ArrayList;
import java.util.List;

/** Turns step analyses into the plain summaries that {@code inspect} and the JSON output print. */
public final class Summaries {
    private Summaries() {
    }

    public static List<StepSummary> of(FileResult result) {
        List<StepSummary> out = new ArrayList<>();
        for (StepAnalysis s : result.steps()) {
            if (s.buildkit() == null) {
                continue;
            }
            for (BuildkitContainer c : s.buildkit().containers()) {
                List<StepSummary.Item> evidence = new ArrayList<>();
                for (Evidence e : c.evidence()) {
                    evidence.add(new StepSummary.Item(e.signal(), e.detail(), e.span()));
                }
                List<String> buildctl = new ArrayList<>();
                for (Invocation i : c.invocations()) {
                    buildctl.add(i.command().programWord().value() + " " + (i.command().subcommandName() == null
                            ? "" : i.command().subcommandName()) + " (line " + i.span(i.command().programWord()).line()
                            + ")");
                }
                out.add(new StepSummary(result.source().path(), s.line(), s.label(),
                        c.name(), c.image() == null ? null : c.image().text(),
                        c.container() == null ? null : c.container().imageSource().description(),
                        c.runsDaemon(), c.runsDaemon() ? c.mode().label() : "client",
                        evidence, List.copyOf(c.missingSignals()),
                        c.flags() == null ? null : c.flags().value(),
                        c.stateDir() == null ? null : c.stateDir().path() + " (" + c.stateDir().reason() + ")",
                        buildctl, interposer(c)));
            }
        }
        return out;
    }

    /** The step's interposer and where it was set; the written text when the controller does not know it. */
    private static String interposer(BuildkitContainer c) {
        EffectiveInterposer i = c.container() == null ? null : c.container().pod().interposer();
        if (i == null) {
            return null;
        }
        String value = i.value() != null ? i.value().spelling()
                : "`" + (i.node() == null ? "?" : i.node().value()) + "` (not a value the controller knows)";
        return value + " (from " + i.origin() + ")";
    }
}
