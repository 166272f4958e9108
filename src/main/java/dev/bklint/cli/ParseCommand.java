package dev.bklint.cli;

import dev.bklint.source.SourceFile;
import dev.bklint.yaml.YamlLoader;
import dev.bklint.yaml.YamlSyntaxError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bklint parse FILE...} (hidden): reads and parses the files with snakeyaml-engine and does nothing else, so
 * that the benchmark can compare a full lint with the parse alone in the same process setup.
 */
@Command(name = "parse", hidden = true, description = "Parse the files only (for the benchmark).")
public final class ParseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*")
    List<String> files = new ArrayList<>();

    @Override
    public Integer call() {
        Inputs inputs = Inputs.read(files, null, System.in);
        inputs.printErrors(spec.commandLine().getErr());
        long documents = inputs.sources.parallelStream().mapToLong(ParseCommand::parse).sum();
        spec.commandLine().getOut().println(inputs.sources.size() + " files, " + documents + " documents");
        spec.commandLine().getOut().flush();
        return inputs.errors.isEmpty() ? 0 : 2;
    }

    private static long parse(SourceFile source) {
        try {
            return YamlLoader.load(source).size();
        } catch (YamlSyntaxError e) {
            return 0;
        }
    }
}
