package dev.bklint.cli;

import dev.bklint.diagnose.Cause;
import dev.bklint.diagnose.CauseCatalog;
import dev.bklint.diagnose.DiagnoseReport;
import dev.bklint.diagnose.Diagnoser;
import dev.bklint.diagnose.LogReader;
import dev.bklint.diagnose.LogStructure;
import dev.bklint.diagnose.Confidence;
import dev.bklint.diagnose.PipelineLink;
import dev.bklint.rules.Options;
import dev.bklint.report.SafeText;
import dev.bklint.source.InputError;
import dev.bklint.source.SourceFile;
import dev.bklint.source.SourceReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code bklint diagnose [LOG...]}: names the known cause of a failed BuildKit job from its log, and with
 * {@code --pipeline} the line of the pipeline that the cause's lint rule points at.
 */
final class DiagnoseCommand implements Cli.Command {
    static final Opt<Path> PIPELINE = Opt.value("--pipeline", "FILE", Path.class, null,
            "The pipeline the failed job ran (default: the pipelines lint would discover here): the step that ran, "
                    + "the line the cause is about, and whether its lint rule fires there.");
    static final Opt<Boolean> NO_PIPELINE = Opt.flag("--no-pipeline",
            "Diagnose the logs alone: do not look for the pipeline here (for a log from another repository).");
    static final Opt<String> STEP = Opt.value("--step", "KEY|LABEL", String.class, null,
            "The step that failed, by key or label, when the log cannot tell it (otherwise found by the echoed "
                    + "command, the container or the image).");
    static final Opt<String> FORMAT = Opt.value("--format", "FORMAT", String.class, "text",
            "Output format: text (default), json, or buildkite (an annotation body for buildkite-agent annotate).")
            .withValues(List.of("text", "json", "buildkite"));
    static final Opt<Boolean> LIST_CAUSES = Opt.flag("--list-causes", "List the known causes and exit.");

    static CommandSpec spec() {
        CommandSpec spec = Cli.withStandardHelp(Cli.command("diagnose", new DiagnoseCommand(),
                "Name the known cause of a failed BuildKit job from its log (docs/diagnose.md)."));
        for (Opt<?> o : List.of(PIPELINE, NO_PIPELINE, STEP, FORMAT, LIST_CAUSES, CommonOptions.KUBERNETES_VERSION,
                CommonOptions.POD_SECURITY_LEVEL, CommonOptions.CONTROLLER_CONFIG, CommonOptions.PROJECT_DIR,
                CommonOptions.CONFIG, CommonOptions.NO_CONFIG, CommonOptions.DEBUG)) {
            o.addTo(spec);
        }
        spec.addPositional(Cli.positionals("LOG", "0..*", "Job logs as Buildkite shows or downloads them, and "
                + "kubectl describe / logs / get events output of the same job: all are read as one incident. - (or "
                + "none) reads standard input."));
        return spec;
    }

    @Override
    public int run(ParseResult parsed, PrintWriter out, PrintWriter err) throws IOException {
        String format = FORMAT.get(parsed);
        if (!FORMAT.values().contains(format)) {
            throw new IllegalArgumentException("--format must be text, json or buildkite, not '" + format + "'");
        }
        CauseCatalog catalog = CauseCatalog.get();
        if (LIST_CAUSES.get(parsed)) {
            for (Cause c : catalog.causes()) {
                out.println(SafeText.visible(c.id() + "  " + c.role() + "  " + c.rule() + "  " + c.title()));
            }
            out.flush();
            return 0;
        }
        CommonOptions common = CommonOptions.of(parsed);
        Options options = common.options();
        if (NO_PIPELINE.get(parsed) && PIPELINE.get(parsed) != null) {
            throw new IllegalArgumentException("--pipeline and --no-pipeline contradict each other: give one");
        }
        List<SourceFile> pipelines = NO_PIPELINE.get(parsed) ? List.of()
                : pipelines(PIPELINE.get(parsed), common.commandLineProjectDir());
        List<String> logs = Cli.positionals(parsed);
        if (logs.isEmpty()) {
            logs = List.of("-");
        }
        // The inputs of one run are one incident (a job log, kubectl describe, kubectl logs, events): they are
        // diagnosed together and reported once, each line still under its own path.
        Diagnoser diagnoser = new Diagnoser(catalog.causes());
        for (String log : logs) {
            LogStructure input = diagnoser.input(logs.size() > 1 ? log + ": " : "");
            LogReader.Notes notes;
            try (InputStream in = log.equals("-") ? nonClosing(System.in) : Files.newInputStream(Path.of(log))) {
                notes = LogReader.read(in, log, input);
            } catch (NoSuchFileException e) {
                err.println("bklint: " + log + ": no such file");
                err.flush();
                return 2;
            } catch (IOException e) {
                err.println("bklint: " + log + ": cannot read: " + e.getMessage());
                err.flush();
                return 2;
            }
            input.finish();
            notes.warnings().forEach(w -> err.println("bklint: " + w));
        }
        Diagnoser.Diagnosis diagnosis = diagnoser.result();
        diagnoser.notes().forEach(n -> err.println("bklint: " + n));
        Diagnoser.Match headline = diagnosis.headline();
        PipelineLink.Result link = headline == null || pipelines.isEmpty() ? null
                : PipelineLink.link(pipelines, options, diagnosis.context(), STEP.get(parsed), headline.cause());
        Confidence.Rating rating = headline == null ? null : Confidence.rate(headline, link);
        List<DiagnoseReport.Result> results = List.of(new DiagnoseReport.Result(String.join(", ", logs), diagnosis,
                link, rating));
        err.flush();
        out.print(format.equals("json") ? DiagnoseReport.json(results, Version.get())
                : format.equals("buildkite") ? DiagnoseReport.buildkite(results) : DiagnoseReport.text(results));
        out.flush();
        return DiagnoseReport.allKnown(results) ? 0 : 1;
    }

    /**
     * The pipeline named with --pipeline, else the ones lint would discover from here; none (not an error) when
     * nothing is found, since a log alone can be diagnosed.
     */
    private static List<SourceFile> pipelines(Path path, Path projectDir) {
        if (path != null) {
            try {
                return List.of(SourceReader.read(path, path.toString().replace('\\', '/')));
            } catch (InputError e) {
                throw new IllegalArgumentException("--pipeline: " + e.getMessage());
            }
        }
        Inputs found = Inputs.read(List.of(), null, null, projectDir);
        return found.errors.isEmpty() ? List.copyOf(found.sources) : List.of();
    }

    /** Standard input, which the command does not own and must not close. */
    private static InputStream nonClosing(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // standard input stays open for whoever runs bklint in-process (the tests)
            }
        };
    }
}
