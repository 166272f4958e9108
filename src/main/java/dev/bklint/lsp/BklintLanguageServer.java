package dev.bklint.lsp;

import dev.bklint.finding.Applicability;
import dev.bklint.finding.Edit;
import dev.bklint.finding.Finding;
import dev.bklint.finding.RuleMeta;
import dev.bklint.report.BuildkiteFormatter;
import dev.bklint.report.SafeText;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.SourceFile;
import dev.bklint.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * {@code bklint lsp}: one warm process that lints each open document as it changes and publishes the findings as
 * diagnostics, offers each finding's edits as a quick fix and all of a file's as "fix all", and explains a finding
 * on hover. Documents are synchronised whole: a pipeline is small, and a full text cannot drift from the editor's.
 */
public final class BklintLanguageServer implements LanguageServer, LanguageClientAware, TextDocumentService,
        WorkspaceService {
    /** The code action kind of "fix all": editors that run source.fixAll on save pick it up. */
    public static final String FIX_ALL = CodeActionKind.SourceFixAll + ".bklint";
    /** Documents longer than this are not linted; the command line refuses files over 16 MiB too. */
    public static final int MAX_CHARS = 16 * 1024 * 1024;

    private final DocumentLinter linter;
    private final String version;
    private final Debouncer debouncer;
    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final Map<String, Linted> linted = new ConcurrentHashMap<>();
    /** "Fix all" per document version: editors ask for code actions on every cursor move, fixing takes passes. */
    private final Map<String, FixedText> fixedAll = new ConcurrentHashMap<>();
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private volatile LanguageClient client;
    private volatile boolean shutDown;
    private volatile boolean watchDynamically;

    private record Open(int version, String text) {
    }

    private record FixedText(int version, String text) {
    }

    /** The findings of one version of a document, kept for code actions and hover. */
    private record Linted(int version, List<Finding> findings) {
    }

    public BklintLanguageServer(DocumentLinter linter, String version, long debounceMillis) {
        this.linter = linter;
        this.version = version;
        this.debouncer = new Debouncer(debounceMillis);
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
    }

    /** Completes with the process's exit status when the client sends {@code exit}. */
    public CompletableFuture<Integer> exited() {
        return exited;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        var workspace = params.getCapabilities() == null ? null : params.getCapabilities().getWorkspace();
        watchDynamically = workspace != null && workspace.getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(workspace.getDidChangeWatchedFiles().getDynamicRegistration());
        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Full);
        sync.setSave(new SaveOptions(false));
        caps.setTextDocumentSync(sync);
        caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix, FIX_ALL)));
        caps.setHoverProvider(true);
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("bklint", version)));
    }

    @Override
    public void initialized(InitializedParams params) {
        if (watchDynamically && client != null) {
            // What else a finding depends on: the Dockerfiles a build reads and the configuration file.
            List<FileSystemWatcher> watchers = List.of(
                    new FileSystemWatcher(Either.forLeft("**/*Dockerfile*")),
                    new FileSystemWatcher(Either.forLeft("**/.bklint.{yaml,yml}")));
            // A client that refuses still gets diagnostics; it just will not hear of Dockerfile changes until a save.
            CompletableFuture<Void> unused = client.registerCapability(new RegistrationParams(List.of(
                    new Registration("bklint-watch", "workspace/didChangeWatchedFiles",
                            new DidChangeWatchedFilesRegistrationOptions(watchers))))).exceptionally(e -> {
                                log(MessageType.Warning, "the client did not register file watching: " + e);
                                return null;
                            });
        }
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutDown = true;
        debouncer.close();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        exited.complete(shutDown ? 0 : 1); // the protocol's rule: exit without shutdown first is an error
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return this;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return this;
    }

    // ---- documents

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var doc = params.getTextDocument();
        open.put(doc.getUri(), new Open(doc.getVersion(), doc.getText()));
        schedule(doc.getUri(), true);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        var changes = params.getContentChanges();
        if (changes.isEmpty()) {
            return;
        }
        // Full synchronisation: the last change holds the whole text.
        open.put(uri, new Open(params.getTextDocument().getVersion(), changes.get(changes.size() - 1).getText()));
        schedule(uri, false);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        open.remove(uri);
        linted.remove(uri);
        fixedAll.remove(uri);
        publish(uri, null, List.of());
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        relintOthers(params.getTextDocument().getUri());
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        relintOthers(null);
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        relintOthers(null);
    }

    /** A saved Dockerfile or configuration can change what every other open document's rules find. */
    private void relintOthers(String except) {
        for (String uri : open.keySet()) {
            if (!uri.equals(except)) {
                schedule(uri, false);
            }
        }
    }

    private void schedule(String uri, boolean now) {
        if (!shutDown) {
            debouncer.submit(uri, now, () -> lint(uri));
        }
    }

    private void lint(String uri) {
        Open doc = open.get(uri);
        if (doc == null) {
            return;
        }
        if (doc.text().length() > MAX_CHARS) {
            linted.remove(uri);
            publish(uri, doc.version(), List.of());
            log(MessageType.Warning, uri + ": not linted: longer than " + MAX_CHARS + " characters");
            return;
        }
        DocumentLinter.Outcome outcome;
        try {
            outcome = linter.lint(uri, doc.text());
        } catch (RuntimeException | StackOverflowError e) {
            // A document the linter cannot handle must not take the server down with it.
            log(MessageType.Error, "bklint could not lint " + uri + ": " + e);
            return;
        }
        Open now = open.get(uri);
        if (now == null || now.version() != doc.version()) {
            return; // a newer text is on its way; publishing this one would flash stale findings
        }
        if (outcome.problem() != null) {
            log(MessageType.Warning, SafeText.visible(outcome.problem()));
        }
        linted.put(uri, new Linted(doc.version(), outcome.findings()));
        List<Diagnostic> diagnostics = new ArrayList<>(outcome.findings().stream().map(Diagnostics::of).toList());
        outcome.errors().forEach(e -> diagnostics.add(Diagnostics.of(e)));
        publish(uri, doc.version(), diagnostics);
    }

    private void publish(String uri, Integer docVersion, List<Diagnostic> diagnostics) {
        LanguageClient c = client;
        if (c != null) {
            c.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics, docVersion));
        }
    }

    private void log(MessageType type, String message) {
        LanguageClient c = client;
        if (c != null) {
            c.logMessage(new MessageParams(type, message));
        }
    }

    /** The findings of the text the editor holds now, or none when they belong to an older text. */
    private List<Finding> current(String uri) {
        Open doc = open.get(uri);
        Linted l = linted.get(uri);
        return doc == null || l == null || l.version() != doc.version() ? List.of() : l.findings();
    }

    // ---- code actions and hover

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        String uri = params.getTextDocument().getUri();
        List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
        List<Finding> findings = current(uri);
        List<Either<Command, CodeAction>> actions = new ArrayList<>();
        if (only == null || only.stream().anyMatch(k -> CodeActionKind.QuickFix.startsWith(k))) {
            for (Finding f : findings) {
                if (f.fix() != null && !f.fix().edits().isEmpty() && Positions.overlaps(f.span(), params.getRange())) {
                    CodeAction a = new CodeAction(SafeText.visible(f.rule() + ": " + f.fix().description()
                            + (f.fix().applicability() == Applicability.SAFE ? "" : " (unsafe: read it first)")));
                    a.setIsPreferred(f.fix().applicability() == Applicability.SAFE);
                    a.setKind(CodeActionKind.QuickFix);
                    a.setDiagnostics(List.of(Diagnostics.of(f)));
                    a.setEdit(edit(uri, f.fix().edits()));
                    actions.add(Either.forRight(a));
                }
            }
        }
        if (only == null || only.stream().anyMatch(FIX_ALL::startsWith)) {
            String fixed = fixedAll(uri);
            Open doc = open.get(uri);
            if (fixed != null && doc != null) {
                CodeAction a = new CodeAction("bklint: apply every safe fix in this file");
                a.setKind(FIX_ALL);
                SourceFile before = new SourceFile(uri, doc.text());
                int last = before.lineCount();
                Span whole = new Span(1, 1, last, before.line(last).length() + 1);
                a.setEdit(new WorkspaceEdit(Map.of(uri, List.of(new TextEdit(Positions.range(whole), fixed)))));
                actions.add(Either.forRight(a));
            }
        }
        return CompletableFuture.completedFuture(actions);
    }

    /** The document with every safe fix applied, for its current version, or null when there is nothing to fix. */
    private String fixedAll(String uri) {
        Open doc = open.get(uri);
        if (doc == null || doc.text().length() > MAX_CHARS) {
            return null;
        }
        FixedText cached = fixedAll.get(uri);
        if (cached != null && cached.version() == doc.version()) {
            return cached.text();
        }
        String fixed;
        try {
            fixed = linter.fixAll(uri, doc.text());
        } catch (RuntimeException | StackOverflowError e) {
            log(MessageType.Error, "bklint could not fix " + uri + ": " + e);
            fixed = null;
        }
        fixedAll.put(uri, new FixedText(doc.version(), fixed));
        return fixed;
    }

    private static WorkspaceEdit edit(String uri, List<Edit> edits) {
        List<TextEdit> text = edits.stream().map(e -> new TextEdit(Positions.range(e.range()), e.text())).toList();
        return new WorkspaceEdit(Map.of(uri, text));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        String uri = params.getTextDocument().getUri();
        StringBuilder md = new StringBuilder();
        for (Finding f : current(uri)) {
            if (Positions.contains(f.span(), params.getPosition())) {
                if (!md.isEmpty()) {
                    md.append("\n\n---\n\n");
                }
                md.append(explain(f));
            }
        }
        return CompletableFuture.completedFuture(md.isEmpty() ? null
                : new Hover(new MarkupContent(MarkupKind.MARKDOWN, md.toString())));
    }

    /**
     * A finding's headline, why and fix, then the rule's own rationale (what {@code bklint explain} prints). The
     * finding's texts quote what the file's author wrote, so they are escaped as lint's Buildkite annotations are:
     * a quoted value cannot become a link, an image or HTML in the editor.
     */
    private static String explain(Finding f) {
        StringBuilder b = new StringBuilder();
        b.append("**").append(f.rule()).append(' ').append(f.name()).append("** (").append(f.severity().name()
                .toLowerCase(Locale.ROOT)).append(")\n\n").append(BuildkiteFormatter.cell(f.message()));
        if (!f.why().isEmpty()) {
            b.append("\n\n").append(BuildkiteFormatter.cell(f.why()));
        }
        if (f.fix() != null) {
            b.append("\n\n**Fix:** ").append(BuildkiteFormatter.cell(f.fix().description()));
        }
        RuleMeta meta = RuleRegistry.get().find(f.rule());
        if (meta != null) {
            b.append("\n\n").append(meta.rationale().strip());
        }
        return b.toString();
    }
}
