import dev.bklint.engine.Linter;
import dev.bklint.lsp.BklintLanguageServer;
import dev.bklint.lsp.DocumentLinter;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.SourceFile;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Re-lint latency of bklint's language server, as an editor sees it: a scripted client sends a whole-text change
 * and times until the diagnostics for that version arrive (debounce 0, the server in this JVM, talking JSON-RPC
 * over pipes). Then 10,000 edits, with the heap after a full GC at 1,000 and at 10,000, to show memory stays flat.
 * Usage: java -cp target/bklint.jar bench/LspLatency.java SMALL.yml BIG.yml
 */
public class LspLatency {
    static final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();

    public static void main(String[] args) throws Exception {
        PipedInputStream serverIn = new PipedInputStream(1 << 22);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 22);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        DocumentLinter linter = new DocumentLinter() {
            @Override
            public Outcome lint(String uri, String text) {
                SourceFile source = new SourceFile(uri, text);
                return new Outcome(source, new Linter(RuleRegistry.get(), Options.defaults()).lint(source)
                        .findings(), List.of(), null);
            }

            @Override
            public String fixAll(String uri, String text) {
                return null; // the bench measures linting only
            }
        };
        BklintLanguageServer impl = new BklintLanguageServer(linter, "bench", 0);
        Launcher<org.eclipse.lsp4j.services.LanguageClient> serverSide =
                LSPLauncher.createServerLauncher(impl, serverIn, serverOut);
        impl.connect(serverSide.getRemoteProxy());
        serverSide.startListening();
        Launcher<LanguageServer> clientSide = LSPLauncher.createClientLauncher(new Client(), clientIn, clientOut);
        clientSide.startListening();
        LanguageServer server = clientSide.getRemoteProxy();
        server.initialize(new InitializeParams()).get(30, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());

        String[] names = {"guide example", "500-step pipeline"};
        long[] targets = {20, 150};
        for (int i = 0; i < 2; i++) {
            String text = Files.readString(Path.of(args[i]));
            double median = latency(server, "file:///bench/" + i + ".yml", text, 200);
            System.out.printf("lsp re-lint, %s (%d KB): median %.1f ms warm (target <= %d ms): %s%n", names[i],
                    text.length() / 1024, median, targets[i], median <= targets[i] ? "met"
                            : "MISSED by " + Math.round((median / targets[i] - 1) * 100) + "%");
        }
        String small = Files.readString(Path.of(args[0]));
        String uri = "file:///bench/memory.yml";
        open(server, uri, small);
        long at1k = 0;
        for (int v = 2; v <= 10_001; v++) {
            change(server, uri, v, small + "# edit " + v + "\n");
            await(uri, v);
            if (v == 1_001) {
                at1k = heapAfterGc();
            }
        }
        long at10k = heapAfterGc();
        System.out.printf("lsp memory: heap after GC %d MiB at 1,000 edits, %d MiB at 10,000 (%s)%n", at1k >> 20,
                at10k >> 20, at10k <= at1k * 1.2 + (4 << 20) ? "flat" : "GROWING");
        server.shutdown().get(30, TimeUnit.SECONDS);
        server.exit();
        System.exit(0);
    }

    static double latency(LanguageServer server, String uri, String text, int runs) throws Exception {
        open(server, uri, text);
        await(uri, 1);
        List<Long> times = new ArrayList<>();
        for (int v = 2; v < runs + 2; v++) {
            // Alternate two texts so that each change is a real change.
            String next = v % 2 == 0 ? text + "# changed\n" : text;
            long start = System.nanoTime();
            change(server, uri, v, next);
            await(uri, v);
            if (v >= 2 + runs / 4) { // the first quarter warms the JIT
                times.add(System.nanoTime() - start);
            }
        }
        Collections.sort(times);
        return times.get(times.size() / 2) / 1e6;
    }

    static void open(LanguageServer server, String uri, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1,
                text)));
    }

    static void change(LanguageServer server, String uri, int version, String text) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
    }

    static void await(String uri, int version) throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams p = published.poll(60, TimeUnit.SECONDS);
            if (p == null) {
                throw new IllegalStateException("no diagnostics for " + uri + " version " + version);
            }
            if (p.getUri().equals(uri) && p.getVersion() != null && p.getVersion() == version) {
                return;
            }
        }
    }

    static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    static final class Client implements LanguageClient {
        public void telemetryEvent(Object object) {
        }

        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            published.add(diagnostics);
        }

        public void showMessage(MessageParams messageParams) {
        }

        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        public void logMessage(MessageParams message) {
        }
    }
}
