package dev.bklint.cli;

import dev.bklint.engine.FileResult;
import dev.bklint.engine.Linter;
import dev.bklint.engine.Summaries;
import dev.bklint.report.Baseline;
import dev.bklint.report.SafeText;
import dev.bklint.finding.Finding;
import dev.bklint.report.Formats;
import dev.bklint.report.Report;
import dev.bklint.report.ReportFile;
import dev.bklint.source.ReportPaths;
import dev.bklint.report.ReportTargets;
import dev.bklint.finding.Severity;
import dev.bklint.engine.StepSummary;
import dev.bklint.rules.Options;
import dev.bklint.finding.RuleMeta;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.SourceFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** {@code bklint [FILE...]}: lints pipelines and exits 0, 1 (findings at or above --fail-on) or 2. */
final class LintCommand implements Cli.Command {
    static final Opt<List<String>> FORMAT = Opt.repeatable("FORMAT", "Output format: text (default), json, sarif, "
            + "github, gnu, checkstyle, junit or buildkite. Repeatable: each --format writes to standard output "
            + "unless an --output follows it.", "-f", "--format").withValues(Formats.NAMES);
    static final Opt<List<String>> OUTPUT = Opt.repeatable("FILE", "Write the report of the --format just before it "
            + "to FILE (replaced whole, or left as it was if writing fails); - is standard output. At most one "
            + "format may go to standard output.", "-o", "--output");
    static final Opt<Boolean> CONCISE = Opt.flag("--concise", "Text format: one line per finding (no source line, "
            + "no fix), for editors and pre-commit.");
    static final Opt<String> FAIL_ON = Opt.value("--fail-on", "LEVEL", String.class, null,
            "Exit 1 when a finding is at or above: error, warning (default), info, or never.")
            .withValues(List.of("error", "warning", "info", "never"));
    static final Opt<Path> BASELINE = Opt.value("--baseline", "FILE", Path.class, null,
            "Report only findings that this baseline (from --write-baseline) does not record.");
    static final Opt<Path> WRITE_BASELINE = Opt.value("--write-baseline", "FILE", Path.class, null,
            "Record today's findings by fingerprint, to adopt bklint and fail only on new findings.");
    static final Opt<Boolean> STATISTICS = Opt.flag("--statistics", "After the report, count the findings of each "
            + "rule, most frequent first (on standard error when a format other than text is on standard output).");
    static final Opt<String> STDIN_FILENAME = Opt.value("--stdin-filename", "NAME", String.class, null,
            "Name to report for input read from -.");

    static final Opt<Boolean> FIX = Opt.flag("--fix", "Apply the safe fixes ([*] in text output) to the files, "
            + "re-linting until none is left; then report what remains. A result that would not parse, or on which a "
            + "fixed finding still fires, is not written. With -, print the fixed text. The exit status counts what remains.");
    static final Opt<Boolean> UNSAFE_FIXES = Opt.flag("--unsafe-fixes", "With --fix or --diff: apply the unsafe "
            + "fixes too (they change behaviour you may rely on, such as an image tag or a user id).");
    static final Opt<Boolean> DIFF = Opt.flag("--diff", "Print what --fix would change as a unified diff and write "
            + "nothing; the report then goes to standard error.");

    static CommandSpec spec() {
        CommandSpec spec = Cli.command("bklint", new LintCommand(),
                "Lints BuildKit container builds in Buildkite pipelines for Agent Stack for Kubernetes.");
        spec.usageMessage().sortOptions(false).footer("", "bklint help COMMAND (or COMMAND --help) shows a "
                + "command's options.", "", "Several reports in one run: --format text --format "
                + "sarif --output bklint.sarif prints text and writes SARIF (an --output belongs to the --format just "
                + "before it).", "", "Exit status: 0 no findings at or above --fail-on; 1 findings; 2 usage error, "
                + "unreadable input or a report that cannot be written; 3 internal error.");
        CommonOptions.addTo(spec);
        for (Opt<?> o : List.of(FORMAT, OUTPUT, CONCISE, FAIL_ON, BASELINE, WRITE_BASELINE, STATISTICS, STDIN_FILENAME,
                FIX, UNSAFE_FIXES, DIFF)) {
            o.addTo(spec);
        }
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print the version and Java runtime.").build());
        spec.addPositional(Cli.positionals("FILE", "0..*", "Pipeline files or directories; - reads stdin. Default: "
                + "the files `buildkite-agent pipeline upload` looks for, and under .buildkite/ every .yml, .yaml and "
                + "pipeline*.json file."));
        return spec;
    }

    @Override
    public int run(ParseResult parsed, PrintWriter out, PrintWriter err) {
        Trace.mark("parse arguments");
        CommonOptions common = CommonOptions.of(parsed);
        Path writeBaseline = WRITE_BASELINE.get(parsed);
        Path baseline = BASELINE.get(parsed);
        Severity threshold = threshold(common, FAIL_ON.get(parsed));
        List<ReportTargets.Target> targets = ReportTargets.pair(formatArgs(parsed));
        boolean color = common.useColor();
        boolean concise = CONCISE.get(parsed);
        boolean fix = FIX.get(parsed);
        boolean diff = DIFF.get(parsed);
        if (UNSAFE_FIXES.get(parsed) && !fix && !diff) {
            throw new IllegalArgumentException("--unsafe-fixes works only with --fix or --diff");
        }
        if (fix && diff) {
            throw new IllegalArgumentException("--fix and --diff do not go together: --diff writes nothing");
        }
        Inputs inputs = Inputs.read(Cli.positionals(parsed), STDIN_FILENAME.get(parsed),
                System.in, common.commandLineProjectDir());
        inputs.printErrors(err);
        ReportTargets.checkNotAnInput(targets, inputs.sources);
        Trace.mark("read inputs");
        RuleRegistry registry = RuleRegistry.get();
        Trace.mark("rule registry");
        Options options = common.options();
        Trace.mark("options");
        Linter linter = new Linter(registry, options);
        List<Finding> findings = new ArrayList<>();
        List<StepSummary> steps = new ArrayList<>();
        Map<String, SourceFile> sources = new LinkedHashMap<>();
        // Files are linted in parallel; the results keep the order of the inputs.
        List<FileResult> results = inputs.sources.size() < 2 ? inputs.sources.stream().map(linter::lint).toList()
                : inputs.sources.parallelStream().map(linter::lint).toList();
        Trace.mark("lint");
        // Standard output carries the diff or the fixed standard input, so a report meant for it goes to stderr.
        PrintWriter reportOut = out;
        boolean unfixed = false;
        if (fix || diff) {
            FixRun fixRun = new FixRun(registry, options, UNSAFE_FIXES.get(parsed), diff);
            results = fixRun.run(results, inputs.stdin, out, err);
            unfixed = fixRun.unwritten();
            reportOut = diff || inputs.stdin != null ? err : out;
            Trace.mark("fix");
        }
        for (FileResult result : results) {
            SourceFile source = result.source();
            findings.addAll(result.findings());
            steps.addAll(Summaries.of(result));
            sources.put(source.path(), source);
        }
        if (writeBaseline != null) {
            try {
                ReportFile.write(writeBaseline, Baseline.write(findings, sources));
            } catch (ReportFile.WriteError e) {
                throw new IllegalArgumentException("--write-baseline: " + e.getMessage());
            }
            // On stderr, so that a report on stdout stays one format; the report itself still lists the findings.
            err.println("bklint: wrote " + count(findings.size(), "finding") + " to "
                    + SafeText.visible(writeBaseline.toString()) + "; a run with --baseline "
                    + SafeText.visible(writeBaseline.toString()) + " reports only newer ones");
            err.flush();
        }
        if (baseline != null) {
            Baseline.Applied applied = Baseline.read(baseline).apply(findings, sources);
            findings.clear();
            findings.addAll(applied.fresh());
            err.println(baselineNote(applied));
            err.flush();
        }
        Path cwd = Path.of("").toAbsolutePath();
        Report report = new Report(Version.get(), findings, steps, sources, enabledRules(registry, options), threshold,
                cwd, ReportPaths.repositoryRoot(cwd));
        boolean nothingRead = inputs.sources.isEmpty() && !inputs.errors.isEmpty();
        boolean unwritten = false;
        for (ReportTargets.Target t : targets) {
            if (nothingRead && !t.format().equals("json")) {
                continue;
            }
            if (t.toStdout()) {
                reportOut.print(Formats.of(t.format(), color, concise).format(report));
                reportOut.flush();
                continue;
            }
            try {
                ReportFile.write(Path.of(t.output()), Formats.of(t.format(), false, concise).format(report));
            } catch (ReportFile.WriteError e) {
                err.println("bklint: " + e.getMessage());
                err.flush();
                unwritten = true;
            }
        }
        if (STATISTICS.get(parsed)) {
            // After a machine-read report on the same stream the counts would break it: they go to stderr then.
            boolean plain = targets.stream().filter(ReportTargets.Target::toStdout)
                    .allMatch(t -> t.format().equals("text"));
            PrintWriter to = plain ? reportOut : err;
            to.print(Statistics.of(findings));
            to.flush();
        }
        Trace.mark("report");
        out.flush();
        if (!inputs.errors.isEmpty() || unwritten || unfixed) {
            return 2;
        }
        boolean failed = findings.stream().anyMatch(report::fails);
        return failed ? 1 : 0;
    }

    /** Most stale entries a note names; the rest are counted, so that one line stays readable. */
    private static final int STALE_NAMED = 5;

    /**
     * One line on what --baseline did: without it a clean report hides how much is still baselined, and entries
     * whose finding has been fixed would stay in the file for ever.
     */
    static String baselineNote(Baseline.Applied applied) {
        StringBuilder b = new StringBuilder("bklint: --baseline hid ").append(count(applied.hidden(), "finding"));
        List<Baseline.Entry> stale = applied.stale();
        if (!stale.isEmpty()) {
            b.append("; ").append(stale.size() == 1 ? "1 baseline entry is" : stale.size() + " baseline entries are")
                    .append(" stale (no finding matches; --write-baseline again drops ")
                    .append(stale.size() == 1 ? "it" : "them").append("): ");
            for (int i = 0; i < Math.min(STALE_NAMED, stale.size()); i++) {
                b.append(i > 0 ? ", " : "").append(stale.get(i).describe());
            }
            if (stale.size() > STALE_NAMED) {
                b.append(" and ").append(stale.size() - STALE_NAMED).append(" more");
            }
        }
        return b.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The --format and --output options in the order they were given, which pairs them. */
    private static List<ReportTargets.Arg> formatArgs(ParseResult parsed) {
        OptionSpec format = parsed.commandSpec().findOption(FORMAT.name());
        OptionSpec output = parsed.commandSpec().findOption(OUTPUT.name());
        List<String> formats = FORMAT.get(parsed);
        List<String> outputs = OUTPUT.get(parsed);
        List<ReportTargets.Arg> args = new ArrayList<>();
        int f = 0;
        int o = 0;
        for (ArgSpec a : parsed.matchedArgs()) {
            if (a == format) {
                args.add(ReportTargets.Arg.format(formats.get(f++)));
            } else if (a == output) {
                args.add(ReportTargets.Arg.output(outputs.get(o++)));
            }
        }
        return args;
    }

    /** The rules the configuration leaves on, at the severity it gives them (for SARIF's rule list). */
    private static List<RuleMeta> enabledRules(RuleRegistry registry, Options options) {
        List<RuleMeta> rules = new ArrayList<>();
        for (RuleMeta m : registry.metas()) {
            if (options.settings().isOff(m.id())) {
                continue;
            }
            Severity configured = options.settings().severity(m.id());
            rules.add(configured == null || configured == m.severity() ? m : m.withSeverity(configured));
        }
        return rules;
    }

    private static Severity threshold(CommonOptions common, String failOn) {
        String level = common.failOn(failOn);
        if (level.equalsIgnoreCase("never")) {
            return null;
        }
        try {
            return Severity.parse(level);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--fail-on must be error, warning, info or never, not '" + level + "'");
        }
    }
}
