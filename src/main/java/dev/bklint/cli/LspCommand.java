package dev.bklint.cli;

import dev.bklint.config.ConfigFile;
import dev.bklint.engine.Linter;
import dev.bklint.fix.FileFixer;
import dev.bklint.fix.FixOutcome;
import dev.bklint.lsp.BklintLanguageServer;
import dev.bklint.lsp.DocumentLinter;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.SourceFile;
import dev.bklint.source.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code bklint lsp}: the language server, over standard input and output. Each document gets the options of the
 * configuration file found from its own folder (so each workspace folder keeps its own), with the command line's
 * values winning as in lint.
 */
final class LspCommand implements Cli.Command {
    static final Opt<Integer> DEBOUNCE = Opt.value("--debounce-ms", "MS", Integer.class, 150,
            "Quiet time after a change before the document is linted again (default 150).");

    static CommandSpec spec() {
        CommandSpec spec = Cli.withStandardHelp(Cli.command("lsp", new LspCommand(),
                "Run the language server on standard input and output (docs/editors.md)."));
        for (Opt<?> o : List.of(CommonOptions.KUBERNETES_VERSION, CommonOptions.POD_SECURITY_LEVEL,
                CommonOptions.CONTROLLER_CONFIG, CommonOptions.PROJECT_DIR, CommonOptions.CONFIG,
                CommonOptions.NO_CONFIG, DEBOUNCE, CommonOptions.DEBUG)) {
            o.addTo(spec);
        }
        return spec;
    }

    @Override
    public int run(ParseResult parsed, PrintWriter out, PrintWriter err) throws IOException {
        int debounce = DEBOUNCE.get(parsed);
        if (debounce < 0 || debounce > 10_000) {
            throw new IllegalArgumentException("--debounce-ms must be from 0 to 10000, not " + debounce);
        }
        CommonOptions common = CommonOptions.of(parsed);
        common.optionsFor(null); // a bad --kubernetes-version or level is a usage error now, not one per document
        BklintLanguageServer server = new BklintLanguageServer(new Documents(common), Version.get(), debounce);
        return serve(server, System.in, System.out);
    }

    /** Serves until the client sends exit or closes the stream; the exit status the protocol asks for. */
    static int serve(BklintLanguageServer server, InputStream in, OutputStream out) {
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        try {
            Object first = CompletableFuture.anyOf(server.exited(), whenDone(listening)).get();
            return first instanceof Integer status ? status : server.exited().getNow(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            return 1;
        } finally {
            listening.cancel(true);
        }
    }

    /**
     * Completes when the stream closes or breaks (the client is gone). The wait has a thread of its own: parking a
     * shared pool's thread on it could starve whatever else runs there.
     */
    private static CompletableFuture<String> whenDone(Future<?> f) {
        CompletableFuture<String> done = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | CancellationException e) {
                // closed or broken: either way the client is gone
            }
            done.complete("closed");
        }, "bklint-lsp-stream");
        waiter.setDaemon(true);
        waiter.start();
        return done;
    }

    /** Lints documents with the options of the configuration that applies where each one lives. */
    static final class Documents implements DocumentLinter {
        private final CommonOptions common;
        private final Map<Path, Cached> configs = new ConcurrentHashMap<>();

        private record Cached(FileTime modified, long size, ConfigFile file, String error) {
        }

        Documents(CommonOptions common) {
            this.common = common;
        }

        @Override
        public Outcome lint(String uri, String text) {
            Path path = path(uri);
            String display = path == null ? uri : path.toString();
            SourceFile source = new SourceFile(display, text);
            if (path != null && ConfigFile.NAMES.contains(String.valueOf(path.getFileName()))) {
                return configDocument(path, source);
            }
            String[] problem = new String[1];
            Options options = optionsFor(path, problem);
            return new Outcome(source, new Linter(RuleRegistry.get(), options).lint(source).findings(), List.of(),
                    problem[0]);
        }

        @Override
        public String fixAll(String uri, String text) {
            Path path = path(uri);
            if (path != null && ConfigFile.NAMES.contains(String.valueOf(path.getFileName()))) {
                return null;
            }
            SourceFile source = new SourceFile(path == null ? uri : path.toString(), text);
            FixOutcome outcome = new FileFixer(new Linter(RuleRegistry.get(), optionsFor(path, new String[1])), false)
                    .fix(source);
            return outcome.refusal() == null && outcome.changed() ? outcome.fixedText() : null;
        }

        /** The options where {@code path} lives; a broken configuration there is noted in {@code problem[0]}. */
        private Options optionsFor(Path path, String[] problem) {
            ConfigFile file = null;
            try {
                file = configFor(path);
            } catch (IllegalArgumentException e) {
                problem[0] = e.getMessage();
            }
            return common.optionsFor(file);
        }

        /** A configuration file being edited: its own mistakes, from the text in the editor. */
        private static Outcome configDocument(Path path, SourceFile source) {
            try {
                RuleSelection.checked(ConfigFile.parse(path, source));
                return new Outcome(source, List.of(), List.of(), null);
            } catch (ConfigFile.ConfigError e) {
                Span at = e.span() == null ? Span.point(1, 1) : e.span();
                return new Outcome(source, List.of(), List.of(new Problem(at, e.detail())), null);
            } catch (RuntimeException e) {
                return new Outcome(source, List.of(), List.of(new Problem(Span.point(1, 1), String.valueOf(
                        e.getMessage()))), null);
            }
        }

        private ConfigFile configFor(Path document) {
            if (document == null) {
                return common.configFile();
            }
            return common.configFileFor(document.getParent(), this::cached);
        }

        /** A found configuration, read again only when its file changed. */
        private ConfigFile cached(Path config) {
            FileTime modified;
            long size;
            try {
                modified = Files.getLastModifiedTime(config);
                size = Files.size(config);
            } catch (IOException e) {
                modified = FileTime.fromMillis(0);
                size = -1;
            }
            Cached c = configs.get(config);
            if (c == null || !c.modified().equals(modified) || c.size() != size) {
                try {
                    c = new Cached(modified, size, RuleSelection.checked(ConfigFile.loadFound(config)), null);
                } catch (ConfigFile.ConfigError e) {
                    c = new Cached(modified, size, null, "configuration: " + e.getMessage());
                }
                configs.put(config, c);
            }
            if (c.error() != null) {
                throw new IllegalArgumentException(c.error());
            }
            return c.file();
        }

        private static Path path(String uri) {
            try {
                URI u = URI.create(uri);
                return "file".equals(u.getScheme()) ? Path.of(u) : null;
            } catch (IllegalArgumentException | FileSystemNotFoundException e) {
                return null;
            }
        }
    }
}
