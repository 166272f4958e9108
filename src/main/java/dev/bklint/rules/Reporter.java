package dev.bklint.rules;

import dev.bklint.buildkit.Invocation;
import dev.bklint.dockerfile.Project;
import dev.bklint.finding.Finding;
import dev.bklint.finding.Fix;
import dev.bklint.finding.RuleMeta;
import dev.bklint.finding.Severity;
import dev.bklint.source.Span;
import dev.bklint.yaml.YNode;
import java.util.List;

/** Collects one rule's findings for one file, filling in the rule's id, name and default severity. */
public final class Reporter {
    private final RuleMeta meta;
    private final String path;
    private final Options options;
    private final List<Finding> sink;
    private final Project project;
    private final RunMemo memo;

    public Reporter(RuleMeta meta, String path, Options options, List<Finding> sink, Project project, RunMemo memo) {
        this.meta = meta;
        this.path = path;
        this.options = options;
        this.sink = sink;
        this.project = project;
        this.memo = memo;
    }

    /** Answers of pure functions remembered for this run (see {@link RunMemo}). */
    public RunMemo memo() {
        return memo;
    }

    /** The checkout of the file being linted, or null when it cannot be told. */
    public Project project() {
        return project;
    }

    /** The Dockerfile a build reads, or null when the checkout or the command line leaves it unknown. */
    public Project.Resolved dockerfile(Invocation invocation) {
        return project == null ? null : project.resolve(invocation);
    }

    public Options options() {
        return options;
    }

    /** The file being linted. */
    public String path() {
        return path;
    }

    public RuleMeta meta() {
        return meta;
    }

    /**
     * Reports at a span. {@code headline} says what is wrong and where in about 120 characters; {@code why}, why it
     * matters (what fails, and the upstream fact behind it), without restating the fix.
     */
    public void report(Span span, String headline, String why, Fix fix) {
        report(meta.severity(), span, headline, why, fix);
    }

    public void report(Severity severity, Span span, String headline, String why, Fix fix) {
        sink.add(new Finding(meta.id(), meta.name(), configured(severity), path, span, headline, why, declared(fix)));
    }

    /**
     * The fix at the applicability its rule declares in {@code rules/BKnnn.yaml}: one place per rule says how far its
     * edits can be trusted, and a rule that declares none has its edits treated as unsafe.
     */
    private Fix declared(Fix fix) {
        if (fix == null || fix.edits().isEmpty() || meta.fixApplicability() == null) {
            return fix;
        }
        return fix.withApplicability(meta.fixApplicability());
    }

    /** The configuration's severity for this rule wins over the rule's own. */
    private Severity configured(Severity severity) {
        Severity override = options.settings().severity(meta.id());
        return override != null ? override : severity;
    }

    /** Reports at a node; when the node was reached through an alias or merge key, says where it is used. */
    public void report(YNode node, String headline, String why, Fix fix) {
        report(meta.severity(), node, headline, why, fix);
    }

    public void report(Severity severity, YNode node, String headline, String why, Fix fix) {
        String where = node.source() == null ? path : node.source().path();
        // Text reached through an alias or merge key is reported where it is written; the linter merges the
        // copies into one finding that names where the text is used.
        List<Span> uses = node.via() == null ? List.of() : List.of(node.via());
        if (where.equals(path)) {
            sink.add(new Finding(meta.id(), meta.name(), configured(severity), path, node.span(), headline, why,
                    declared(fix), uses));
            return;
        }
        // Written in another file (the controller's configuration): report it there; edits stay descriptive.
        Fix described = fix == null ? null : new Fix(fix.description(), fix.snippet(), List.of());
        sink.add(new Finding(meta.id(), meta.name(), configured(severity), where, node.span(), headline, why,
                described, uses));
    }
}
