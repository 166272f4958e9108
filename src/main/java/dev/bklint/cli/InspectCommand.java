package dev.bklint.cli;

import dev.bklint.engine.FileResult;
import dev.bklint.engine.Linter;
import dev.bklint.engine.Summaries;
import dev.bklint.report.Json;
import dev.bklint.report.JsonFormatter;
import dev.bklint.report.SafeText;
import dev.bklint.engine.StepSummary;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.SourceFile;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code bklint inspect FILE...}: what bklint understood of each BuildKit step, with the evidence. */
final class InspectCommand implements Cli.Command {
    static final Opt<String> FORMAT = Opt.value("--format", "FORMAT", String.class, "text",
            "Output format: text (default) or json.").withValues(List.of("text", "json"));

    static CommandSpec spec() {
        CommandSpec spec = Cli.withStandardHelp(Cli.command("inspect", new InspectCommand(),
                "Show each BuildKit step: its containers, effective image, inferred mode and the evidence."));
        FORMAT.addTo(spec);
        CommonOptions.addTo(spec);
        spec.addPositional(Cli.positionals("FILE", "0..*", "Pipeline files (default: discovered)."));
        return spec;
    }

    @Override
    public int run(ParseResult parsed, PrintWriter out, PrintWriter err) {
        String format = FORMAT.get(parsed);
        if (!FORMAT.values().contains(format)) {
            throw new IllegalArgumentException("--format must be text or json, not '" + format + "'");
        }
        CommonOptions common = CommonOptions.of(parsed);
        Inputs inputs = Inputs.read(Cli.positionals(parsed), null, System.in, common.commandLineProjectDir());
        inputs.printErrors(err);
        Options options = common.options();
        if (format.equals("json")) {
            out.print(json(inputs, options));
            out.flush();
            return inputs.errors.isEmpty() ? 0 : 2;
        }
        line(out, "Kubernetes version: " + options.kubernetesVersion()
                + (options.versionAssumed() ? " (assumed; set --kubernetes-version)" : ""));
        line(out, "Controller: " + (options.controller() == null
                ? "configuration not given (assumed: no pod-spec-patch, polling the cluster's default queue; "
                  + "set --controller-config)"
                : options.controller().source().path() + " (queue " + options.controller().polledQueue() + ")"));
        Linter linter = new Linter(RuleRegistry.get(), options);
        for (SourceFile source : inputs.sources) {
            FileResult result = linter.lint(source);
            List<StepSummary> steps = Summaries.of(result);
            out.println();
            line(out, source.path() + ": " + (steps.isEmpty() ? "no BuildKit step" : steps.size()
                    + (steps.size() == 1 ? " BuildKit container" : " BuildKit containers")));
            for (StepSummary s : steps) {
                print(out, s);
            }
        }
        out.flush();
        return inputs.errors.isEmpty() ? 0 : 2;
    }

    /** The same as the text listing, for programs: the assumptions, then every BuildKit container of every file. */
    private static String json(Inputs inputs, Options options) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("name", "bklint");
        tool.put("version", Version.get());
        root.put("tool", tool);
        root.put("kubernetesVersion", options.kubernetesVersion().toString());
        root.put("kubernetesVersionAssumed", options.versionAssumed());
        Map<String, Object> controller = null;
        if (options.controller() != null) {
            controller = new LinkedHashMap<>();
            controller.put("path", options.controller().source().path());
            controller.put("queue", options.controller().polledQueue());
        }
        root.put("controller", controller);
        Linter linter = new Linter(RuleRegistry.get(), options);
        List<Object> files = new ArrayList<>();
        for (SourceFile source : inputs.sources) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("path", source.path());
            f.put("steps", JsonFormatter.steps(Summaries.of(linter.lint(source)), true));
            files.add(f);
        }
        root.put("files", files);
        return Json.write(root) + "\n";
    }

    /**
     * One line of the listing: labels, images and commands come from the pipeline, so the line is shown through
     * {@link SafeText} (one line, controls escaped), and a line that could pass for a workflow command (a path
     * starting with {@code ::}) gets {@code ./} in front.
     */
    private static void line(PrintWriter out, String text) {
        out.println(SafeText.atLineStart(text));
    }

    private static void print(PrintWriter out, StepSummary s) {
        line(out, "  step \"" + (s.label() == null ? "(no label)" : s.label()) + "\" (line " + s.line() + ")");
        line(out, "    container: " + s.container());
        line(out, "    image:     " + (s.image() == null ? "(controller default)" : s.image())
                + (s.imageSource() == null ? "" : "  [from " + s.imageSource() + "]"));
        if (s.interposer() != null) {
            line(out, "    interposer: " + s.interposer());
        }
        line(out, "    role:      " + (s.daemon() ? "runs the BuildKit daemon" : "buildctl client only"));
        if (s.daemon()) {
            line(out, "    mode:      " + s.mode());
            line(out, "    flags:     " + (s.daemonFlags() == null || s.daemonFlags().isEmpty() ? "(none)"
                    : s.daemonFlags()));
            line(out, "    state dir: " + (s.stateDir() == null ? "(unknown)" : s.stateDir()));
        }
        for (String b : s.buildctl()) {
            line(out, "    command:   " + b);
        }
        if (!s.evidence().isEmpty()) {
            line(out, "    evidence:");
            for (StepSummary.Item e : s.evidence()) {
                line(out, "      - " + e.signal() + ": " + e.detail()
                        + (e.span() == null ? "" : " (line " + e.span().line() + ", column " + e.span().column() + ")"));
            }
        }
        if (!s.missing().isEmpty()) {
            line(out, "    mode unknown, missing signals:");
            for (String m : s.missing()) {
                line(out, "      - " + m);
            }
        }
    }
}
