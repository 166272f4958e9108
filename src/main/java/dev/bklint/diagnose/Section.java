package dev.bklint.diagnose;

import java.util.Locale;

/**
 * The part of a failed job's text a line was printed in. A cause file's {@code where:} names the sections its
 * patterns may match in: the same words mean different things when the daemon, buildctl or the kubelet print them
 * (a {@code flag provided but not defined} from buildkitd is a daemon flag, from buildctl a client flag).
 */
public enum Section {
    /** The agent's checkout of the repository ({@code ~~~ Preparing working directory} and its retries). */
    CHECKOUT,
    /** The step's command, outside the parts below. */
    COMMAND,
    /** The daemon's own log: the block {@code buildctl-daemonless.sh} prints after {@code ========== log ==========}. */
    DAEMON_LOG,
    /** A BuildKit progress vertex ({@code #N ...}), its {@code #N ERROR:} and the {@code ------ >} error block. */
    VERTEX,
    /** buildctl's own {@code error:} lines and usage, outside any vertex. */
    CLIENT,
    /** agent-stack-k8s messages and failure tables. */
    CONTROLLER,
    /** {@code kubectl describe} and {@code kubectl get events} output: the kubelet's and scheduler's words. */
    KUBELET,
    /** The agent's verdicts ({@code 🚨 Error:}, {@code ⚠️ Warning:}) and its own error lines. */
    AGENT;

    /** The name a cause file uses: lower case, words joined by {@code -}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The section a cause file names, or null. */
    public static Section ofYamlName(String name) {
        for (Section s : values()) {
            if (s.yamlName().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
