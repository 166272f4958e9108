package dev.bklint.engine;

import dev.bklint.finding.Finding;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.source.SourceFile;
import java.util.List;

/** What linting one file found, and the steps it analysed (for {@code inspect} and JSON output). */
public record FileResult(SourceFile source, List<Finding> findings, List<StepAnalysis> steps) {
}
