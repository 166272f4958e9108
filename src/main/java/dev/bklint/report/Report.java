package dev.bklint.report;

import dev.bklint.engine.StepSummary;
import dev.bklint.finding.Finding;
import dev.bklint.finding.Severity;
import dev.bklint.source.ReportPaths;
import dev.bklint.finding.RuleMeta;
import dev.bklint.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a report format may print about one run.
 *
 * @param version  bklint's version
 * @param findings every finding, sorted by path and position
 * @param steps    the BuildKit steps bklint understood
 * @param sources  every file linted, by the path it is reported under, in the order they were read
 * @param rules    every enabled rule
 * @param failOn   the {@code --fail-on} threshold, or null for {@code never}
 * @param cwd      the directory relative paths are resolved against
 * @param root     the repository root (the nearest folder above {@code cwd} with {@code .git}, else {@code cwd}):
 *                 SARIF and GitHub annotations name files relative to it
 */
public record Report(String version, List<Finding> findings, List<StepSummary> steps, Map<String, SourceFile> sources,
                     List<RuleMeta> rules, Severity failOn, Path cwd, Path root) {

    /** Whether a finding makes bklint exit 1 (at or above {@code --fail-on}). */
    public boolean fails(Finding f) {
        return failOn != null && f.severity().compareTo(failOn) >= 0;
    }

    /** The paths linted, then any other file a finding points into (such as a controller configuration). */
    public List<String> paths() {
        Set<String> paths = new LinkedHashSet<>(sources.keySet());
        for (Finding f : findings) {
            paths.add(f.path());
        }
        return new ArrayList<>(paths);
    }

    /** The findings in one file, in order. */
    public List<Finding> findingsIn(String path) {
        return findings.stream().filter(f -> f.path().equals(path)).toList();
    }

    /** A path as the repository names it, with forward slashes; null when it lies outside the repository. */
    public String repositoryPath(String path) {
        return ReportPaths.relativeTo(path, cwd, root);
    }
}
