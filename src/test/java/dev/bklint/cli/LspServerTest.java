package dev.bklint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.engine.Linter;
import dev.bklint.finding.Finding;
import dev.bklint.fix.FileFixer;
import dev.bklint.lsp.BklintLanguageServer;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.SourceFile;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bklint lsp, spoken to over JSON-RPC as an editor would (LSP4J's client launcher on piped streams): diagnostics
 * equal lint's findings, follow changes, quick fixes repair, hover explains, and no document takes the server down.
 */
class LspServerTest {
    private static final Path GUIDE = Path.of("fixtures/guide/rootless.yml");

    private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    private final List<MessageParams> logged = new ArrayList<>();
    private LanguageServer server;
    private Future<Integer> serving;
    private Pipe toServer;
    private Pipe toClient;
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        // OS pipes, not java.io's Piped streams: those report "Write end dead" once the thread that last wrote
        // ends (the server's lint thread does, at shutdown), and the client would stop reading mid-test.
        toServer = Pipe.open();
        toClient = Pipe.open();
        CommonOptions common = CommonOptions.of(Cli.create().parseArgs("lsp", "--no-config").subcommand());
        BklintLanguageServer impl = new BklintLanguageServer(new LspCommand.Documents(common), "test", 0);
        FutureTask<Integer> task = new FutureTask<>(() -> LspCommand.serve(impl,
                Channels.newInputStream(toServer.source()), Channels.newOutputStream(toClient.sink())));
        Thread serverThread = new Thread(task, "lsp-server-under-test");
        serverThread.setDaemon(true);
        serverThread.start();
        serving = task;
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new Client(),
                Channels.newInputStream(toClient.source()), Channels.newOutputStream(toServer.sink()));
        launcher.startListening();
        server = launcher.getRemoteProxy();
        InitializeResult init = server.initialize(new InitializeParams()).get(30, TimeUnit.SECONDS);
        assertEquals("bklint", init.getServerInfo().getName());
        server.initialized(new InitializedParams());
    }

    @AfterEach
    void stop() throws Exception {
        try {
            server.shutdown().get(30, TimeUnit.SECONDS);
            server.exit();
            assertEquals(0, serving.get(30, TimeUnit.SECONDS), "exit after shutdown is status 0");
        } catch (TimeoutException e) {
            throw new AssertionError("the server did not shut down; its threads:\n" + threads(), e);
        } finally {
            for (var channel : List.of(toServer.sink(), toServer.source(), toClient.sink(), toClient.source())) {
                channel.close();
            }
        }
    }

    /** Where each thread is: a shutdown that hangs on CI is then explained by its own report. */
    private static String threads() {
        StringBuilder b = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            b.append(t.getName()).append(" (").append(t.getState()).append(")\n");
            for (int i = 0; i < Math.min(stack.length, 12); i++) {
                b.append("    at ").append(stack[i]).append('\n');
            }
        });
        return b.toString();
    }

    private final class Client implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            published.add(diagnostics);
        }

        @Override
        public void showMessage(MessageParams messageParams) {
            logged.add(messageParams);
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
            logged.add(message);
        }
    }

    private String uri(String name) {
        return dir.resolve(name).toUri().toString();
    }

    private void open(String uri, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1,
                text)));
    }

    private void change(String uri, int version, String text) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
    }

    /** The next diagnostics published for {@code uri} at {@code version}, skipping any for other documents. */
    private List<Diagnostic> next(String uri, int version) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            PublishDiagnosticsParams p = published.poll(1, TimeUnit.SECONDS);
            if (p != null && p.getUri().equals(uri) && p.getVersion() != null && p.getVersion() == version) {
                return p.getDiagnostics();
            }
        }
        throw new AssertionError("no diagnostics for " + uri + " version " + version + "; log: " + logged);
    }

    private static List<Finding> lint(String path, String text) {
        return new Linter(RuleRegistry.get(), Options.defaults()).lint(new SourceFile(path, text)).findings();
    }

    @Test
    void diagnosticsAreLintsFindingsAtTheirRanges() throws Exception {
        String text = Files.readString(GUIDE);
        String uri = uri("pipeline.yml");
        open(uri, text);
        List<Diagnostic> got = next(uri, 1);
        List<Finding> want = lint(dir.resolve("pipeline.yml").toString(), text);
        assertFalse(want.isEmpty());
        assertEquals(want.size(), got.size(), got.toString());
        got.sort(Comparator.comparing((Diagnostic d) -> d.getRange().getStart().getLine())
                .thenComparing(d -> d.getRange().getStart().getCharacter()).thenComparing(d -> d.getCode().getLeft()));
        for (int i = 0; i < want.size(); i++) {
            Finding f = want.get(i);
            Diagnostic d = got.get(i);
            assertEquals(f.rule(), d.getCode().getLeft());
            assertEquals("bklint", d.getSource());
            assertEquals(new Range(new Position(f.span().line() - 1, f.span().column() - 1),
                    new Position(f.span().endLine() - 1, f.span().endColumn() - 1)), d.getRange());
            assertTrue(d.getMessage().startsWith(f.message()), d.getMessage());
        }
    }

    @Test
    void aChangeIsLintedAgainAndCloseClearsTheDiagnostics() throws Exception {
        String uri = uri("pipeline.yml");
        open(uri, Files.readString(GUIDE));
        assertFalse(next(uri, 1).isEmpty());
        change(uri, 2, "steps:\n  - command: make test\n");
        assertEquals(List.of(), next(uri, 2), "a pipeline without BuildKit has no finding");
        server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
        PublishDiagnosticsParams cleared = published.poll(30, TimeUnit.SECONDS);
        assertNotNull(cleared);
        assertEquals(List.of(), cleared.getDiagnostics());
    }

    @Test
    void aQuickFixRepairsItsFindingAndFixAllRepairsTheFile() throws Exception {
        String text = Files.readString(GUIDE);
        String uri = uri("pipeline.yml");
        open(uri, text);
        List<Diagnostic> diagnostics = next(uri, 1);
        Finding fixable = lint(dir.resolve("pipeline.yml").toString(), text).stream()
                .filter(f -> f.fix() != null && !f.fix().edits().isEmpty()).findFirst().orElseThrow();
        Range at = new Range(new Position(fixable.span().line() - 1, fixable.span().column() - 1),
                new Position(fixable.span().line() - 1, fixable.span().column() - 1));
        List<Either<Command, CodeAction>> actions = server.getTextDocumentService().codeAction(
                new CodeActionParams(new TextDocumentIdentifier(uri), at, new CodeActionContext(diagnostics)))
                .get(30, TimeUnit.SECONDS);
        CodeAction quick = actions.stream().map(Either::getRight)
                .filter(a -> a.getKind().equals("quickfix") && a.getTitle().startsWith(fixable.rule() + ": "))
                .findFirst().orElseThrow(() -> new AssertionError(actions.toString()));
        String fixed = apply(text, quick.getEdit().getChanges().get(uri));
        long before = lint("p.yml", text).stream().filter(f -> f.rule().equals(fixable.rule())).count();
        long after = lint("p.yml", fixed).stream().filter(f -> f.rule().equals(fixable.rule())).count();
        assertTrue(after < before, fixable.rule() + " still fires as often after its quick fix:\n" + fixed);

        CodeAction all = actions.stream().map(Either::getRight)
                .filter(a -> a.getKind().equals(BklintLanguageServer.FIX_ALL)).findFirst().orElseThrow();
        String allFixed = apply(text, all.getEdit().getChanges().get(uri));
        assertTrue(lint("p.yml", allFixed).size() < lint("p.yml", text).size(), allFixed);
        String fixCommand = new FileFixer(new Linter(RuleRegistry.get(), Options.defaults()), false)
                .fix(new SourceFile(dir.resolve("pipeline.yml").toString(), text)).fixedText();
        assertEquals(fixCommand, allFixed, "fix all is what bklint --fix writes: the safe fixes only");
    }

    @Test
    void hoverExplainsTheFindingUnderTheCursor() throws Exception {
        String text = Files.readString(GUIDE);
        String uri = uri("pipeline.yml");
        open(uri, text);
        Diagnostic d = next(uri, 1).get(0);
        Hover hover = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                d.getRange().getStart())).get(30, TimeUnit.SECONDS);
        assertNotNull(hover);
        String md = hover.getContents().getRight().getValue();
        assertTrue(md.startsWith("**" + d.getCode().getLeft() + " "), md);
        assertTrue(md.contains(RuleRegistry.get().find(d.getCode().getLeft()).rationale().strip()
                .lines().findFirst().orElseThrow()), "the rule's rationale: " + md);
    }

    @Test
    void garbageHugeAndHalfWrittenDocumentsNeverStopTheServer() throws Exception {
        String garbage = uri("garbage.yml");
        open(garbage, "\u0000\u0001\uFFFF{[}]: : :\n\t- &a *a\n" + "{".repeat(50_000));
        next(garbage, 1);
        String half = uri("half.yml");
        open(half, "steps:\n  - label: build\n    plugins:\n      - kubernetes:\n          podSpec:\n            conta");
        next(half, 1);
        String huge = uri("huge.yml");
        open(huge, "#".repeat(BklintLanguageServer.MAX_CHARS + 1));
        assertEquals(List.of(), next(huge, 1), "too large to lint: no findings, and a note in the log");
        String good = uri("good.yml");
        open(good, Files.readString(GUIDE));
        assertFalse(next(good, 1).isEmpty(), "the server still lints after all that");
    }

    @Test
    void aConfigurationFileBeingEditedShowsItsOwnMistakes() throws Exception {
        String uri = uri(".bklint.yaml");
        open(uri, "kubernetes-version: 1.30\nrules:\n  BK201: loud\n");
        List<Diagnostic> got = next(uri, 1);
        assertEquals(1, got.size(), got.toString());
        assertTrue(got.get(0).getRange().getStart().getLine() > 0, "at the bad value, not the top: " + got);
    }

    @Test
    void aDockerfileThatAppearsRelintsTheOpenPipeline() throws Exception {
        // The BK412 fixture's pipeline in a checkout of its own, first without the Dockerfile it names.
        Path project = dir.resolve("checkout");
        Path pipeline = Files.createDirectories(project.resolve(".buildkite")).resolve("pipeline.yml");
        Files.writeString(pipeline, Files.readString(Path.of("fixtures/rules/BK412/fires.yml")));
        String uri = pipeline.toUri().toString();
        open(uri, Files.readString(pipeline));
        assertTrue(next(uri, 1).stream().anyMatch(d -> d.getCode().getLeft().equals("BK412")), "no Dockerfile yet");
        Path dockerfile = Files.createDirectories(project.resolve("docker")).resolve("worker.Dockerfile");
        Files.writeString(dockerfile, "FROM alpine:3.20\nRUN true\n");
        server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(List.of(
                new FileEvent(dockerfile.toUri().toString(), FileChangeType.Created))));
        assertTrue(next(uri, 1).stream().noneMatch(d -> d.getCode().getLeft().equals("BK412")),
                "the Dockerfile now exists");
    }

    private static String apply(String text, List<TextEdit> edits) {
        SourceFile source = new SourceFile("x", text);
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine())
                .thenComparing(e -> e.getRange().getStart().getCharacter()).reversed());
        StringBuilder b = new StringBuilder(text);
        for (TextEdit e : sorted) {
            int start = source.offset(e.getRange().getStart().getLine() + 1, e.getRange().getStart().getCharacter() + 1);
            int end = source.offset(e.getRange().getEnd().getLine() + 1, e.getRange().getEnd().getCharacter() + 1);
            b.replace(start, end, e.getNewText());
        }
        return b.toString();
    }
}
