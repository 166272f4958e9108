package dev.bklint.cli;

import dev.bklint.source.Discovery;
import dev.bklint.source.InputError;
import dev.bklint.source.SourceFile;
import dev.bklint.source.SourceReader;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads what the command line names: files, directories, {@code -} for stdin, or the discovered pipelines. */
final class Inputs {
    final List<SourceFile> sources = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    static Inputs read(List<String> args, String stdinName, InputStream stdin) {
        Inputs in = new Inputs();
        List<String> paths = new ArrayList<>(args);
        if (paths.isEmpty()) {
            try {
                for (Path p : Discovery.discover(Path.of(""))) {
                    paths.add(p.toString());
                }
            } catch (InputError e) {
                in.errors.add(e.getMessage());
            }
            if (paths.isEmpty() && in.errors.isEmpty()) {
                in.errors.add("no pipeline found: looked for " + String.join(", ", Discovery.UPLOAD_DEFAULTS)
                        + " and .buildkite/**/*.yml; name the files to lint");
            }
        }
        for (String arg : paths) {
            try {
                if (arg.equals("-")) {
                    in.sources.add(SourceReader.read(stdin, stdinName == null ? "<stdin>" : stdinName));
                    continue;
                }
                for (Path p : Discovery.expand(Path.of(arg))) {
                    in.sources.add(SourceReader.read(p, p.toString()));
                }
            } catch (InputError e) {
                in.errors.add(e.getMessage());
            } catch (java.nio.file.InvalidPathException e) {
                in.errors.add(arg + ": not a valid path (" + e.getReason() + ")");
            }
        }
        return in;
    }

    void printErrors(PrintWriter err) {
        for (String e : errors) {
            err.println("bklint: " + e);
        }
        err.flush();
    }
}
