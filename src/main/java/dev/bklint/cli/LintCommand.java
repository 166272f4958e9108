package dev.bklint.cli;

import dev.bklint.engine.FileResult;
import dev.bklint.engine.Linter;
import dev.bklint.engine.Summaries;
import dev.bklint.report.Finding;
import dev.bklint.report.JsonFormatter;
import dev.bklint.report.Severity;
import dev.bklint.report.StepSummary;
import dev.bklint.report.TextFormatter;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.SourceFile;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bklint [FILE...]}: lints pipelines and exits 0, 1 (findings at or above --fail-on) or 2. */
@Command(name = "bklint", mixinStandardHelpOptions = false, sortOptions = false,
        description = "Lints BuildKit container builds in Buildkite pipelines for Agent Stack for Kubernetes.",
        subcommands = {InspectCommand.class, ExplainCommand.class, RulesCommand.class, ConfigCommand.class,
            DocsCommand.class},
        footer = {"", "Exit status: 0 no findings at or above --fail-on; 1 findings; 2 usage error or unreadable "
                + "input; 3 internal error."})
public final class LintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text (default) or json.")
    String format;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 1 when a finding is at or above: error, warning (default), info, or never.")
    String failOn;

    @Option(names = "--stdin-filename", paramLabel = "NAME", description = "Name to report for input read from -.")
    String stdinName;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and Java runtime.")
    boolean version;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Pipeline files or directories; - reads stdin. Default: the files "
                    + "`buildkite-agent pipeline upload` looks for, and .buildkite/**/*.yml.")
    List<String> files = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Severity threshold = threshold();
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("text") && !fmt.equals("json")) {
            throw new IllegalArgumentException("--format must be text or json, not '" + format + "'");
        }
        boolean color = common.useColor();
        Inputs inputs = Inputs.read(files, stdinName, System.in);
        inputs.printErrors(err);
        Linter linter = new Linter(RuleRegistry.load(), common.options());
        List<Finding> findings = new ArrayList<>();
        List<StepSummary> steps = new ArrayList<>();
        Map<String, SourceFile> sources = new LinkedHashMap<>();
        for (SourceFile source : inputs.sources) {
            FileResult result = linter.lint(source);
            findings.addAll(result.findings());
            steps.addAll(Summaries.of(result));
            sources.put(source.path(), source);
        }
        if (fmt.equals("json")) {
            out.print(JsonFormatter.format(Version.get(), findings, steps));
        } else if (!inputs.sources.isEmpty() || inputs.errors.isEmpty()) {
            out.print(new TextFormatter(color).format(findings, sources, inputs.sources.size()));
        }
        out.flush();
        if (!inputs.errors.isEmpty()) {
            return 2;
        }
        boolean failed = threshold != null && findings.stream().anyMatch(f -> f.severity().compareTo(threshold) >= 0);
        return failed ? 1 : 0;
    }

    private Severity threshold() {
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
