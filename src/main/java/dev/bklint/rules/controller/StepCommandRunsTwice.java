package dev.bklint.rules.controller;

import dev.bklint.kubernetes.PodContainer;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.text.Quoted;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import java.util.ArrayList;
import java.util.List;

/**
 * BK604: every podSpec container is a command container; one without its own {@code command} runs the step's
 * command. With two or more of them, the step's command runs in each, one container after another.
 */
public final class StepCommandRunsTwice implements Rule {
    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        if (step.step() == null || step.pod() == null || step.step().command() == null
                || step.step().command().text().isBlank()) {
            return;
        }
        List<PodContainer> borrowing = new ArrayList<>();
        for (PodContainer c : step.pod().containers()) {
            if (c.kind() == PodContainer.Kind.COMMAND && !c.isSynthetic() && !c.ownCommand()) {
                borrowing.add(c);
            }
        }
        if (borrowing.size() < 2) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (PodContainer c : borrowing) {
            names.add("`" + c.name() + "`");
        }
        String all = Quoted.list(names, ", ", " and ");
        for (int i = 1; i < borrowing.size(); i++) {
            PodContainer c = borrowing.get(i);
            reporter.report(at(c), "Container `" + c.name() + "` has no `command` of its own, so it runs the "
                    + "step's command " + ordinal(i + 1) + ".", "Containers " + all + " have no `command` of their "
                    + "own, so the controller runs the step's command in each of them, one container after another "
                    + "(in podSpec order). A helper that should run beside the build belongs in the plugin's "
                    + "`sidecars`.", Fix.describe("Give container `" + c.name() + "` its own command, or make it a "
                    + "sidecar.", "sidecars:\n  - name: " + c.name() + "\n    image: ..."));
        }
    }

    private static YNode at(PodContainer c) {
        YMap written = c.written() != null ? c.written() : c.node();
        if (written.getScalar("name") != null) {
            return written.getScalar("name");
        }
        if (written.getScalar("image") != null) {
            return written.getScalar("image");
        }
        return written;
    }

    private static String ordinal(int n) {
        switch (n) {
            case 2: return "a second time";
            case 3: return "a third time";
            default: return "again (run " + n + ")";
        }
    }
}
