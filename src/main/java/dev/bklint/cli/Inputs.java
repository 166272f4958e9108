package dev.bklint.cli;

import dev.bklint.dockerfile.Project;
import dev.bklint.source.Discovery;
import dev.bklint.source.InputError;
import dev.bklint.source.SourceFile;
import dev.bklint.source.SourceReader;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the command line names: files, directories, {@code -} for stdin, or the discovered pipelines. A file
 * named on the command line is read wherever it is (the invoker chose it); a file found in a directory or by
 * discovery is read only when its real path stays inside its checkout, so a link committed in a pull request
 * cannot make bklint read (and quote) a file from elsewhere on the machine.
 */
final class Inputs {
    final List<SourceFile> sources = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    /** The text read from {@code -}, if any: {@code --fix} prints it fixed instead of writing a file. */
    SourceFile stdin;

    static Inputs read(List<String> args, String stdinName, InputStream stdin) {
        return read(args, stdinName, stdin, null);
    }

    /** {@code projectDir}: the {@code --project-dir} given, which bounds discovered files; null for the default. */
    static Inputs read(List<String> args, String stdinName, InputStream stdin, Path projectDir) {
        if (stdinName != null && !args.contains("-")) {
            // Without -, standard input is not read: the name would be dropped without a word.
            throw new IllegalArgumentException("--stdin-filename names what `-` reads: add `-` to lint standard input");
        }
        Inputs in = new Inputs();
        if (args.isEmpty()) {
            Path cwd = Path.of("");
            try {
                for (Path p : Discovery.discover(cwd)) {
                    in.readFound(p, cwd, projectDir);
                }
            } catch (InputError e) {
                in.errors.add(e.getMessage());
            }
            if (in.sources.isEmpty() && in.errors.isEmpty()) {
                in.errors.add("no pipeline found: looked for " + String.join(", ", Discovery.UPLOAD_DEFAULTS)
                        + " and .buildkite/**/*.yml; name the files to lint");
            }
            return in;
        }
        for (String arg : args) {
            try {
                if (arg.equals("-")) {
                    in.stdin = SourceReader.read(stdin, stdinName == null ? "<stdin>" : stdinName);
                    in.sources.add(in.stdin);
                    continue;
                }
                Path path = Path.of(arg);
                if (!Files.isDirectory(path)) {
                    in.sources.add(SourceReader.read(path, path.toString())); // named: read wherever it is
                    continue;
                }
                for (Path p : Discovery.expand(path)) {
                    in.readFound(p, path, projectDir);
                }
            } catch (InputError e) {
                in.errors.add(e.getMessage());
            } catch (InvalidPathException e) {
                in.errors.add(arg + ": not a valid path (" + e.getReason() + ")");
            }
        }
        return in;
    }

    /** A discovered file, read only inside its checkout: the project directory, else the folder searched. */
    private void readFound(Path file, Path searched, Path projectDir) {
        try {
            sources.add(SourceReader.readInside(file, checkout(file, searched, projectDir), file.toString()));
        } catch (InputError e) {
            errors.add(e.getMessage());
        }
    }

    private static Path checkout(Path file, Path searched, Path projectDir) {
        if (projectDir != null) {
            return projectDir;
        }
        Project project = Project.forFile(file.toString(), null);
        return project != null ? project.root() : searched;
    }

    void printErrors(PrintWriter err) {
        for (String e : errors) {
            err.println("bklint: " + e);
        }
        err.flush();
    }
}
