package dev.bklint.diagnose;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the structure of one input's lines as they stream past: which {@link Section} printed each line and which
 * failure site it belongs to, so that causes are matched only where their words mean what they say and ranked per
 * failure (research §5.2, §5.4). Holds a few flags and at most one table row being joined, never the log.
 *
 * <p>Sites: {@code checkout}; {@code command N} (the N-th command group); {@code buildctl K} (the K-th buildctl
 * invocation: an echoed {@code $ buildctl...} or {@code + buildctl...}, or a new {@code #1 [internal] load} after an
 * {@code error:}) with {@code buildctl K #N} per vertex; {@code daemon K} (the daemon log the wrapper printed, or
 * the daemon's own lines elsewhere);
 * {@code controller} and {@code controller <container>} (agent-stack-k8s); {@code pod}, {@code container <name>},
 * {@code events} (kubectl); {@code agent}.
 */
public final class LogStructure implements Consumer<LogLine> {
    private static final Pattern VERTEX = Pattern.compile("^#(\\d+) ");
    private static final Pattern INTERNAL_LOAD = Pattern.compile("^#1 \\[internal\\] load ");
    private static final Pattern ECHOED_BUILDCTL = Pattern.compile("^[$+] .*\\bbuildctl(?:-daemonless\\.sh)?\\b");
    private static final Pattern CHECKOUT_GROUP =
            Pattern.compile("(?i)\\b(?:preparing working directory|checking out|checkout|cloning)\\b");
    private static final Pattern LOGFMT_LEVEL = Pattern.compile("(?:^|\\s)level=\"?([a-zA-Z]+)");
    /**
     * What only the daemon side prints, also outside the wrapper's block: a daemon started by hand in the step
     * ({@code buildkitd &}) or {@code kubectl logs} of a BuildKit container. logfmt with a level, RootlessKit's
     * prefixed errors, buildkitd's fatal line.
     */
    private static final Pattern DAEMON_OWN =
            Pattern.compile("^(?:time=\\S+ level=|\\[rootlesskit:(?:parent|child ?)\\] |buildkitd: )");
    private static final Pattern DAEMON_WAIT = Pattern.compile("^could not connect to \\S+ after \\d+ trials");
    private static final Pattern DOCKERFILE_EXCERPT = Pattern.compile("^(?:Dockerfile\\S*:\\d+$|-{8,}$|\\s*(?:>>>)?\\s*\\d+ \\| )");
    private static final Pattern CONTROLLER_SENTENCE = Pattern.compile("^(?:agent-stack-k8s failed to |Kubernetes "
            + "rejected the podSpec|The following (?:init )?containers |The Kubernetes job spent |The Kubernetes pod "
            + "failed |The pod has been in Pending state |Image pull failure;)");
    private static final Pattern DESCRIBE_START = Pattern.compile("^Name:\\s+\\S");
    private static final Pattern DESCRIBE_CONTAINER = Pattern.compile("^  ([A-Za-z0-9][-A-Za-z0-9_.]*):\\s*$");
    private static final Pattern DESCRIBE_IMAGE = Pattern.compile("^\\s+Image:\\s+(\\S+)");
    private static final Pattern EVENTS_HEADER = Pattern.compile("^(?:NAMESPACE\\s+)?LAST SEEN\\s+TYPE\\s+REASON\\s+OBJECT\\s+");

    private final Consumer<StructuredLine> out;
    private final ContextCollector context;
    private final String prefix;

    private Section group = Section.COMMAND;
    private int groups;
    private int invocation;
    private boolean clientError;
    private String failingVertex;
    private boolean inDaemon;
    /** 0 outside a {@code ------} error block, 1 inside it, 2 in the Dockerfile excerpt that follows it. */
    private int errorBlock;
    private ControllerTable table;
    private List<String> tableHeader;
    /** kubectl describe: 0 not seen, 1 pod fields, 2 inside Containers:/Init Containers:, 3 Events:. */
    private int describe;
    private String container;
    private boolean getEvents;

    /**
     * @param prefix put before every site name: distinguishes the inputs of one incident (empty for one input)
     */
    LogStructure(Consumer<StructuredLine> out, ContextCollector context, String prefix) {
        this.out = out;
        this.context = context;
        this.prefix = prefix;
    }

    /** A stage with its own context, for reading one log alone (tests). */
    public static LogStructure of(Consumer<StructuredLine> out) {
        return new LogStructure(out, new ContextCollector(), "");
    }

    @Override
    public void accept(LogLine line) {
        String t = line.text();
        if (table != null) {
            if (!startsStructure(t) && table.accept(line, this::row)) {
                return;
            }
            table.finish(this::row);
            table = null;
        }
        if (t.equals("^^^ +++")) {
            return; // the agent re-opens the previous group: a marker, no text
        }
        if (t.startsWith("~~~ ") || t.startsWith("--- ") || t.startsWith("+++ ")) {
            group = CHECKOUT_GROUP.matcher(t).find() ? Section.CHECKOUT : Section.COMMAND;
            groups++;
            inDaemon = false;
            errorBlock = 0;
            emit(line, group, groupSite(), "");
            return;
        }
        if (t.startsWith("\uD83D\uDEA8 Error:") || t.startsWith("\u26A0\uFE0F Warning:") || t.startsWith("\u26A0 Warning:")
                || t.startsWith("Error running job:")) {
            inDaemon = false;
            emit(line, Section.AGENT, "agent", "");
            return;
        }
        if (t.startsWith("$ ") || t.startsWith("+ ")) {
            inDaemon = false;
            errorBlock = 0;
            if (t.startsWith("$ ")) {
                context.command(t.substring(2));
            }
            if (ECHOED_BUILDCTL.matcher(t).find()) {
                newInvocation();
            }
            emit(line, group, groupSite(), "");
            return;
        }
        if (inDaemon) {
            if (t.startsWith("sh: can't kill pid")) {
                inDaemon = false; // the wrapper's trap: the daemon log ended
                emit(line, Section.CLIENT, "buildctl " + Math.max(1, invocation), "");
                return;
            }
            Matcher level = LOGFMT_LEVEL.matcher(t);
            emit(line, Section.DAEMON_LOG, "daemon " + Math.max(1, invocation), level.find() ? level.group(1) : "");
            return;
        }
        if (DAEMON_WAIT.matcher(t).find()) {
            emit(line, Section.CLIENT, "buildctl " + Math.max(1, invocation), "");
            return;
        }
        if (t.equals("========== log ==========")) {
            inDaemon = true;
            emit(line, Section.CLIENT, "buildctl " + Math.max(1, invocation), "");
            return;
        }
        if (vertexOrClient(line, t)) {
            return;
        }
        if (DAEMON_OWN.matcher(t).find()) {
            Matcher level = LOGFMT_LEVEL.matcher(t);
            emit(line, Section.DAEMON_LOG, "daemon " + Math.max(1, invocation), level.find() ? level.group(1) : "");
            return;
        }
        ControllerTable starting = describe == 0 && !getEvents && !EVENTS_HEADER.matcher(t).find()
                ? ControllerTable.startingAt(t) : null;
        if (starting != null) {
            table = starting;
            tableHeader = null;
            table.accept(line, this::row);
            return;
        }
        if (CONTROLLER_SENTENCE.matcher(t).find()) {
            emit(line, Section.CONTROLLER, "controller", "");
            return;
        }
        if (kubectl(line, t)) {
            return;
        }
        emit(line, group, groupSite(), "");
    }

    /** BuildKit progress, its error block and buildctl's own {@code error:} lines; false for other lines. */
    private boolean vertexOrClient(LogLine line, String t) {
        if (errorBlock == 1) {
            if (t.equals("------")) {
                errorBlock = 2;
            }
            emit(line, Section.VERTEX, vertexSite(), "");
            return true;
        }
        if (errorBlock == 2) {
            if (DOCKERFILE_EXCERPT.matcher(t).find()) {
                emit(line, Section.VERTEX, vertexSite(), "");
                return true;
            }
            errorBlock = 0;
        }
        if (t.equals("------")) {
            errorBlock = 1;
            emit(line, Section.VERTEX, vertexSite(), "");
            return true;
        }
        Matcher v = VERTEX.matcher(t);
        if (v.find()) {
            if (clientError && INTERNAL_LOAD.matcher(t).find()) {
                newInvocation(); // a second build without an echoed command: a new one starts loading its Dockerfile
            }
            String site = "buildctl " + Math.max(1, invocation) + " #" + v.group(1);
            boolean warn = t.startsWith("WARN:", v.end());
            if (t.startsWith("ERROR:", v.end())) {
                failingVertex = site;
            }
            emit(line, Section.VERTEX, site, warn ? "warning" : "");
            return true;
        }
        if (t.startsWith("error: ") || t.startsWith("ERROR: ")) {
            clientError = true;
            emit(line, Section.CLIENT, vertexSite(), "");
            return true;
        }
        return false;
    }

    /** kubectl describe trees and event tables; false for other lines. */
    private boolean kubectl(LogLine line, String t) {
        if (EVENTS_HEADER.matcher(t).find()) {
            getEvents = true;
            emit(line, Section.KUBELET, "events", "");
            return true;
        }
        if (getEvents) {
            if (!t.isBlank() && !t.startsWith(" ")) {
                emit(line, Section.KUBELET, "events", "");
                return true;
            }
            getEvents = false;
        }
        if (describe == 0 && DESCRIBE_START.matcher(t).find()) {
            describe = 1;
        }
        if (describe == 0) {
            return false;
        }
        if (!t.isEmpty() && !Character.isWhitespace(t.charAt(0))) {
            container = null;
            describe = t.equals("Containers:") || t.equals("Init Containers:") ? 2 : t.startsWith("Events:") ? 3 : 1;
        } else if (describe == 2) {
            Matcher c = DESCRIBE_CONTAINER.matcher(t);
            if (c.find()) {
                container = c.group(1);
                context.container(container);
            } else {
                Matcher image = DESCRIBE_IMAGE.matcher(t);
                if (image.find() && container != null) {
                    context.image(image.group(1));
                }
            }
        }
        String site = describe == 3 ? "events" : describe == 2 && container != null ? "container " + container : "pod";
        emit(line, Section.KUBELET, site, "");
        return true;
    }

    private void row(ControllerTable.Row row) {
        if (tableHeader == null) {
            tableHeader = row.cells();
            emit(row.first(), row.text(), Section.CONTROLLER, "controller", "");
            return;
        }
        int c = ControllerTable.column(tableHeader, "CONTAINER");
        int i = ControllerTable.column(tableHeader, "IMAGE");
        String name = c >= 0 && c < row.cells().size() ? row.cells().get(c) : "";
        if (!name.isEmpty()) {
            context.container(name);
        }
        if (i >= 0 && i < row.cells().size()) {
            context.image(row.cells().get(i));
        }
        emit(row.first(), row.text(), Section.CONTROLLER, name.isEmpty() ? "controller" : "controller " + name, "");
    }

    /** Lines that end any table: the agent's group headers, echoed commands and verdicts. */
    private static boolean startsStructure(String t) {
        return t.startsWith("~~~ ") || t.startsWith("--- ") || t.startsWith("+++ ") || t.startsWith("$ ")
                || t.startsWith("\uD83D\uDEA8 ") || t.startsWith("\u26A0") || t.equals("^^^ +++");
    }

    private void newInvocation() {
        invocation++;
        clientError = false;
        failingVertex = null;
        inDaemon = false;
        errorBlock = 0;
    }

    /** buildctl's error lines belong to the vertex that failed, when one did: they repeat its error. */
    private String vertexSite() {
        return failingVertex != null ? failingVertex : "buildctl " + Math.max(1, invocation);
    }

    private String groupSite() {
        return group == Section.CHECKOUT ? "checkout" : "command " + groups;
    }

    private void emit(LogLine line, Section section, String site, String level) {
        emit(line, line.text(), section, site, level);
    }

    private void emit(LogLine line, String text, Section section, String site, String level) {
        out.accept(new StructuredLine(line, text, section, prefix + site, level.toLowerCase(Locale.ROOT)));
    }

    /** Hands on a table row still being joined: call at the end of the input. */
    public void finish() {
        if (table != null) {
            table.finish(this::row);
            table = null;
        }
    }
}
