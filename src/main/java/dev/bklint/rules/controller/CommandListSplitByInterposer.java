package dev.bklint.rules.controller;

import dev.bklint.buildkit.ShellScript;
import dev.bklint.buildkit.SimpleCommand;
import dev.bklint.kubernetes.EffectiveInterposer;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.pipeline.CommandText;
import dev.bklint.pipeline.Interposer;
import dev.bklint.pipeline.ShellQuote;
import dev.bklint.finding.Fix;
import dev.bklint.finding.Severity;
import dev.bklint.rules.Headline;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * BK614: under the {@code buildkite} interposer a command container's {@code command} items are joined with
 * newlines, one shell command each, and {@code args} go on the last line (buildkite/agent-stack-k8s@a5d56d1
 * internal/controller/config/command_params.go:40-45). A list written as a Kubernetes argv then runs as several
 * commands. Reported only on evidence that items are pieces of one command: an item that starts a shell command
 * with a flag ({@code -v}, {@code --timeout 10m}, {@code -c}), or a buildctl subcommand alone after {@code buildctl}.
 * {@code [make, build]} could be two commands, so words alone prove nothing.
 */
public final class CommandListSplitByInterposer implements Rule {
    /** buildctl's commands (moby/buildkit@73ed6825c4b7 cmd/buildctl/main.go:107-114); none is a program itself. */
    private static final Set<String> BUILDCTL_COMMANDS = Set.of(
            "build", "b", "du", "prune", "prune-histories", "debug", "dial-stdio");
    private static final Set<String> BUILDCTL_PROGRAMS = Set.of("buildctl", "buildctl-daemonless.sh");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh");

    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        if (step.step() == null || step.pod() == null || step.pod().interposer() == null) {
            return;
        }
        EffectiveInterposer interposer = step.pod().interposer();
        if (interposer.value() != Interposer.BUILDKITE) {
            return;
        }
        for (PodContainer c : step.pod().containers()) {
            if (c.kind() == PodContainer.Kind.COMMAND && c.ownCommand() && !c.isSynthetic() && c.script() != null
                    && c.node().get("command") instanceof YSeq list) {
                check(reporter, c, list, interposer);
            }
        }
    }

    private void check(Reporter reporter, PodContainer c, YSeq list, EffectiveInterposer interposer) {
        List<YScalar> items = new ArrayList<>();
        for (YNode n : list.items()) {
            if (!(n instanceof YScalar s) || s.isNull()) {
                return;
            }
            items.add(s);
        }
        CommandText script = c.script();
        Set<Integer> commandStarts = commandStarts(new ShellScript(script.text()));
        int evidence = -1;
        for (int i = 1; i < items.size() && evidence < 0; i++) {
            int at = script.startOf(items.get(i));
            String value = items.get(i).value();
            String trimmed = value.stripLeading();
            if (at < 0 || trimmed.isEmpty() || !commandStarts.contains(at + value.length() - trimmed.length())) {
                continue;
            }
            boolean flagAlone = trimmed.startsWith("-");
            boolean subcommandAlone = BUILDCTL_COMMANDS.contains(trimmed.strip())
                    && BUILDCTL_PROGRAMS.contains(basename(items.get(i - 1).value().strip()));
            if (flagAlone || subcommandAlone) {
                evidence = i;
            }
        }
        if (evidence < 0) {
            return;
        }
        report(reporter, c, items, evidence, interposer);
    }

    private void report(Reporter reporter, PodContainer c, List<YScalar> items, int evidence,
                        EffectiveInterposer interposer) {
        YScalar at = items.get(evidence);
        String piece = at.value().strip();
        String shown = piece.length() > 30 ? piece.substring(0, 27) + "..." : piece;
        String headline = Headline.first(
                "Container `" + c.name() + "` splits one command over `command` items; the `buildkite` interposer "
                        + "runs `" + shown + "` as its own command.",
                "Container `" + c.name() + "`'s `command` items are pieces of one command, run one per line by the "
                        + "`buildkite` interposer.",
                "A `command` list's items are pieces of one command, run one per line by the `buildkite` "
                        + "interposer.");
        boolean assumed = EffectiveInterposer.DEFAULT_ORIGIN.equals(interposer.origin())
                && reporter.options().controller() == null;
        String line = piece.startsWith("-")
                ? "`" + shown + "` starts a line of its own, so the shell looks for a program named `"
                        + piece.split("\\s+")[0] + "` and the job fails with `command not found`"
                : "`" + shown + "` runs as a program of its own, and `" + items.get(evidence - 1).value().strip()
                        + "` runs without it";
        String why = "The controller joins a command container's `command` items with newlines and appends its "
                + "`args` to the last line (agent-stack-k8s `command_params.go`), so each item is a separate shell "
                + "command: " + line + ". The interposer here is `buildkite` from " + interposer.origin()
                + (assumed ? " (unless the controller's `default-command-params` sets another, which this file "
                        + "cannot show)" : "") + ".";
        reporter.report(assumed ? Severity.WARNING : Severity.ERROR, at, headline, why, fix(items, evidence));
    }

    /** Both fixes: one string per command, or the vector interposer (only when the whole list is one command). */
    private static Fix fix(List<YScalar> items, int evidence) {
        int start = start(items, evidence);
        String vector = "\n# or run the list as one argument vector:\ncommandParams:\n  interposer: vector";
        if (start == 0 && items.size() >= 2 && SHELLS.contains(basename(items.get(0).value().strip()))
                && items.get(1).value().strip().matches("-[a-z]*c") && items.size() == 3) {
            return Fix.describe("Keep only the shell in `command` and move `" + items.get(1).value().strip()
                    + "` and the script to `args` (they go on the last line), or set the plugin's "
                    + "`commandParams.interposer: vector`.",
                    "command:\n  - " + items.get(0).value().strip() + "\nargs:\n  - " + items.get(1).value().strip()
                            + "\n  - ..." + vector);
        }
        if (start < 0) {
            return Fix.describe("Write each command as one `command` item (program and arguments in one string), "
                    + "or set the plugin's `commandParams.interposer: vector` if the whole list is one command.",
                    "command:\n  - program arg --flag value" + vector);
        }
        List<String> words = new ArrayList<>();
        for (YScalar s : items.subList(start, items.size())) {
            words.add(s.value());
        }
        String one = ShellQuote.join(words);
        return Fix.describe("Write the command as one `command` item"
                + (start == 0 ? ", or set the plugin's `commandParams.interposer: vector` to run the list as one "
                        + "argument vector." : "."),
                "command:\n" + (start > 0 ? "  - ...\n" : "") + "  - " + yamlScalar(one)
                        + (start == 0 ? vector : ""));
    }

    /**
     * The first item of the split command: 0 when every item before the evidence is a single word (a program and
     * its words), the item just before it when that one holds a command with its words (e.g. {@code buildctl
     * build}); -1 when the list does not show where the command starts.
     */
    private static int start(List<YScalar> items, int evidence) {
        boolean allWords = true;
        for (int i = 0; i < evidence; i++) {
            allWords &= !items.get(i).value().strip().matches(".*\\s.*");
        }
        if (allWords) {
            return 0;
        }
        return items.get(evidence - 1).value().strip().matches("(?s).*\\s.*") ? evidence - 1 : -1;
    }

    private static Set<Integer> commandStarts(ShellScript shell) {
        Set<Integer> starts = new HashSet<>();
        for (SimpleCommand command : shell.commands()) {
            starts.add(command.start());
        }
        return starts;
    }

    private static String basename(String program) {
        return program.substring(program.lastIndexOf('/') + 1);
    }

    /** The text as a YAML plain scalar when that reads back the same, else double-quoted. */
    private static String yamlScalar(String text) {
        boolean plain = !text.isEmpty() && "-?:,[]{}#&*!|>'\"%@`".indexOf(text.charAt(0)) < 0
                && !text.contains(": ") && !text.contains(" #") && !text.endsWith(":") && text.equals(text.strip())
                && text.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f);
        if (plain) {
            return text;
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> b.append(ch);
            }
        }
        return b.append('"').toString();
    }
}
