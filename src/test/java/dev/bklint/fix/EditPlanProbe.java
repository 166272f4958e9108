package dev.bklint.fix;

import dev.bklint.finding.Applicability;
import dev.bklint.finding.Edit;
import dev.bklint.finding.Finding;
import dev.bklint.finding.Fix;
import dev.bklint.finding.Severity;
import dev.bklint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/** Findings with one safe edit each, at character offsets, offered to an {@link EditPlan} in the order given. */
final class EditPlanProbe {
    private final SourceFile source;
    private final List<Finding> findings = new ArrayList<>();

    EditPlanProbe(SourceFile source) {
        this.source = source;
    }

    EditPlanProbe offer(String text, int from, int to) {
        Edit edit = new Edit(source.spanOf(from, to), text);
        findings.add(new Finding("BK999", "probe", Severity.ERROR, source.path(), source.spanOf(from, to),
                "Probe " + findings.size() + ".", "", new Fix("Edit.", null, List.of(edit), Applicability.SAFE)));
        return this;
    }

    EditPlan plan() {
        return EditPlan.of(source, findings, false);
    }
}
