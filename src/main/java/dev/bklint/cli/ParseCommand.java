package dev.bklint.cli;

import dev.bklint.source.SourceFile;
import dev.bklint.yaml.YamlLoader;
import dev.bklint.yaml.YamlSyntaxError;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import java.io.PrintWriter;

/**
 * {@code bklint parse FILE...} (hidden): reads and parses the files with snakeyaml-engine and does nothing else, so
 * that the benchmark can compare a full lint with the parse alone in the same process setup.
 */
final class ParseCommand implements Cli.Command {
    static CommandSpec spec() {
        CommandSpec spec = Cli.command("parse", new ParseCommand(), "Parse the files only (for the benchmark).");
        spec.usageMessage().hidden(true);
        spec.addPositional(Cli.positionals("FILE", "1..*"));
        return spec;
    }

    @Override
    public int run(ParseResult parsed, PrintWriter out, PrintWriter err) {
        Inputs inputs = Inputs.read(Cli.positionals(parsed), null, System.in);
        inputs.printErrors(err);
        long documents = inputs.sources.parallelStream().mapToLong(ParseCommand::parse).sum();
        out.println(inputs.sources.size() + " files, " + documents + " documents");
        out.flush();
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
