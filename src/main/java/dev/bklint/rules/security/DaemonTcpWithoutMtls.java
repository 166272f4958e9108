package dev.bklint.rules.security;

import dev.bklint.buildkit.BuildctlCommand;
import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.BuildkitdToml;
import dev.bklint.buildkit.DaemonFlags;
import dev.bklint.buildkit.EnvValue;
import dev.bklint.buildkit.Flag;
import dev.bklint.buildkit.Invocation;
import dev.bklint.buildkit.Launcher;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.kubernetes.ServiceExposure;
import dev.bklint.finding.Fix;
import dev.bklint.finding.Severity;
import dev.bklint.rules.Headline;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.source.Span;
import dev.bklint.text.Quoted;
import dev.bklint.yaml.ScalarPositions;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;

/**
 * BK209: buildkitd serves its API on a {@code tcp://} address without mutual TLS. buildkitd asks clients for a
 * certificate only when it has a CA ({@code --tlscacert}) as well as its own certificate and key
 * (moby/buildkit@73ed6825c4b7:cmd/buildkitd/main.go:813-849), and BuildKit's README (lines 702-703) calls TCP without
 * mTLS dangerous because {@code RUN} containers can call the API: a {@code RUN} shares the daemon's network unless a
 * bridge or CNI network is configured (util/network/netproviders/network.go:45-62). A client that dials a remote
 * {@code tcp://} daemon without a CA is info: the daemon it reaches then accepts clients it cannot authenticate.
 */
public final class DaemonTcpWithoutMtls implements Rule {
    private static final String README = "BuildKit's README calls TCP without mTLS dangerous because `RUN` "
            + "containers can call the API as well";

    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        DaemonFlags flags = daemon.flags();
        if (flags == null) {
            return;
        }
        DaemonConfig config = DaemonConfig.of(daemon);
        if (config.unknown()) {
            return; // a config file the daemon may read, but this file cannot say what it holds
        }
        BuildkitdToml toml = config.toml();
        List<Listener> listeners = listeners(daemon, config);
        Listener tcp = listeners.stream().filter(l -> l.address().startsWith("tcp://")).findFirst().orElse(null);
        if (tcp == null) {
            return;
        }
        String address = tcp.address();
        boolean ca = given(flags, "--tlscacert") || toml != null && !toml.tls("ca").isEmpty();
        boolean certAndKey = (given(flags, "--tlscert") || toml != null && !toml.tls("cert").isEmpty())
                && (given(flags, "--tlskey") || toml != null && !toml.tls("key").isEmpty());
        if (ca && certAndKey) {
            return;
        }
        boolean loopback = isLoopback(address);
        if (loopback && ownNetwork(daemon)) {
            return; // RUN containers get a network namespace of their own, where the pod's loopback is not reachable
        }
        String where = "container `" + daemon.name() + "`";
        String from = tcp.span() == null ? "" : " from ConfigMap `" + config.file().configMap() + "`";
        String headline = Headline.first("buildkitd in " + where + " serves its API on `" + address + "`" + from
                + " without mTLS.", "buildkitd in " + where + " serves its API over TCP" + from + " without mTLS.",
                "buildkitd in " + where + " serves its API over TCP without mTLS.");
        String caSetting = toml == null ? "`--tlscacert`" : "a CA (`--tlscacert` or `ca` in `[grpc.tls]`)";
        StringBuilder why = new StringBuilder();
        if (tcp.span() != null) {
            why.append("buildkitd reads `").append(config.path()).append("`, and no `--addr` on its command line "
                    + "replaces the file's `[grpc]` addresses. ");
        }
        if (certAndKey) {
            why.append("It has a server certificate but no ").append(caSetting).append(", and buildkitd asks "
                    + "clients for a certificate only when it is given a CA, so any client that reaches the port can "
                    + "run builds. ");
        } else if (ca) {
            why.append("Without both a certificate and a key buildkitd serves plain gRPC (the CA is unused), so "
                    + "any client that reaches the port can run builds. ");
        } else {
            why.append("The port speaks plain gRPC, so any client that reaches it can run builds. ");
        }
        why.append(README).append(", and a `RUN` shares the pod's network by default (BuildKit falls back to host "
                + "networking)").append(loopback ? ", so a loopback address keeps no build out." : ".");
        PodContainer c = daemon.container();
        if (c != null && UnconfinedProfiles.privileged(c)) {
            why.append(" The container is privileged: builds sent to the port run under a daemon that has every "
                    + "capability and the host's devices.");
        }
        Integer port = portOf(address);
        if (c != null && port != null) {
            for (ServiceExposure.Exposure e : ServiceExposure.of(c, port)) {
                why.append(" Service `").append(e.service()).append("` in this file forwards port ").append(port)
                        .append(" to it").append(e.external() ? " (type " + e.type() + ", reachable from outside "
                                + "the cluster)" : "");
                if (!e.ingresses().isEmpty()) {
                    why.append(", and Ingress ").append(Quoted.list(e.ingresses().stream().map(i -> "`" + i + "`")
                            .toList(), ", ", " and ")).append(" routes to it");
                }
                why.append(", so other workloads can drive the daemon too.");
            }
        }
        Fix fix = tcp.span() != null
                ? Fix.describe("Give `[grpc.tls]` a `ca`, a `cert` and a `key` (files from a mounted Secret), and "
                        + "each client its own certificate; or serve the API on a unix socket only.",
                        "[grpc.tls]\n  ca = \"/certs/ca.pem\"\n  cert = \"/certs/cert.pem\"\n  key = "
                                + "\"/certs/key.pem\"")
                : Fix.describe("Give buildkitd `--tlscacert`, `--tlscert` and `--tlskey`, and each client its own "
                        + "certificate; or serve the API on a unix socket only.", "--addr " + address
                        + " --tlscacert /certs/ca.pem --tlscert /certs/cert.pem --tlskey /certs/key.pem");
        reporter.report(tcp.span() != null ? tcp.span() : at(daemon, address), headline, why.toString(), fix);
    }

    /** An address the daemon listens on, with its place in a ConfigMap when the config file gives it, else null. */
    private record Listener(String address, Span span) {
    }

    /**
     * The daemon's addresses: {@code --addr} on its command line replaces the config file's {@code [grpc] address}
     * list (cmd/buildkitd/main.go:667-669), and {@code buildctl-daemonless.sh} always passes one of its own.
     */
    private static List<Listener> listeners(BuildkitContainer daemon, DaemonConfig config) {
        BuildkitdToml toml = config.toml();
        List<String> flagged = daemon.flags().valuesOf("--addr");
        boolean commandLine = !flagged.isEmpty() || "buildctl-daemonless.sh".equals(daemon.daemon().how());
        if (commandLine || toml == null) {
            return flagged.stream().map(a -> new Listener(a, null)).toList();
        }
        YScalar text = config.file().text();
        ScalarPositions positions = text.source() == null ? null : ScalarPositions.of(text.source(), text);
        List<Listener> listeners = new ArrayList<>();
        for (BuildkitdToml.Address a : toml.addresses()) {
            Span span = config.file().entry().key().span();
            if (positions != null && a.start() >= 0 && a.end() > a.start()) {
                span = text.source().spanOf(positions.at(a.start()), positions.at(a.end() - 1) + 1);
            }
            listeners.add(new Listener(a.value(), span));
        }
        return listeners;
    }

    @Override
    public void visitBuildctl(Invocation invocation, Reporter reporter) {
        BuildctlCommand command = invocation.command();
        BuildkitContainer container = invocation.container();
        // Only a client of a daemon elsewhere: a daemon in the same pod is judged by its own flags above.
        if (command.launcher() != Launcher.BUILDCTL || container.runsDaemon()
                || !container.step().daemons().isEmpty()) {
            return;
        }
        Flag addr = command.flag("addr");
        if (addr == null || addr.value() == null || !addr.value().startsWith("tcp://")
                || command.hasFlag("tlscacert") || command.hasFlag("tlsdir")) {
            return;
        }
        String why = command.hasFlag("tlscert")
                ? "It presents a client certificate but checks the daemon's only against the system's roots, so "
                        + "it is not pinned to your own CA as BuildKit's README does on both sides."
                : "With no certificates the connection is plain gRPC, which works only if the daemon there accepts "
                        + "any client; " + README + ".";
        reporter.report(Severity.INFO, invocation.flagSpan(addr), Headline.first("`buildctl` in container `"
                + container.name() + "` connects to `" + addr.value() + "` without `--tlscacert`.",
                "`buildctl` in container `" + container.name() + "` connects over TCP without `--tlscacert`."),
                why, Fix.describe("Give buildctl `--tlscacert`, `--tlscert` and `--tlskey` (or `--tlsdir`) before "
                        + "the subcommand, and run the daemon with mTLS.", "buildctl --addr " + addr.value()
                        + " --tlscacert /certs/ca.pem --tlscert /certs/cert.pem --tlskey /certs/key.pem build ..."));
    }

    private static boolean given(DaemonFlags flags, String flag) {
        String v = flags.valueOf(flag);
        return v != null && !v.isEmpty();
    }

    static boolean isLoopback(String address) {
        String host = hostOf(address);
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    private static String hostOf(String address) {
        String rest = address.substring("tcp://".length());
        int colon = rest.lastIndexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    static Integer portOf(String address) {
        String rest = address.substring("tcp://".length());
        int colon = rest.lastIndexOf(':');
        try {
            return colon < 0 ? null : Integer.valueOf(rest.substring(colon + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * True when a {@code RUN} gets a network namespace of its own: {@code --oci-worker-net bridge} or {@code cni}, or
     * {@code BUILDKIT_NETWORK_BRIDGE_AUTO=1} in the default mode, which rootless turns into host
     * (cmd/buildkitd/main_oci_worker.go:292-296).
     */
    private static boolean ownNetwork(BuildkitContainer daemon) {
        String net = daemon.flags().valueOf("--oci-worker-net");
        if ("bridge".equals(net) || "cni".equals(net)) {
            return true;
        }
        if (net != null && !net.equals("auto") || daemon.mode().isRootless() || daemon.env() == null) {
            return false;
        }
        EnvValue bridge = daemon.env().get("BUILDKIT_NETWORK_BRIDGE_AUTO");
        return bridge != null && (bridge.value().equals("1") || bridge.value().equalsIgnoreCase("true"));
    }

    /** The args item that holds the address when the image's entrypoint reads them, else the daemon's flags. */
    private static Span at(BuildkitContainer daemon, String address) {
        PodContainer c = daemon.container();
        if (daemon.daemon().viaEntrypoint() && c != null && c.node() != null
                && c.node().get("args") instanceof YSeq args) {
            for (YNode item : args.items()) {
                if (item instanceof YScalar s && s.value() != null && s.value().contains(address)) {
                    return s.span();
                }
            }
        }
        int offset = daemon.daemon().scriptOffset();
        int found = offset < 0 || daemon.script() == null ? -1 : daemon.script().text().indexOf(address, offset);
        if (found >= 0 && "the buildkitd command line".equals(daemon.flags().origin())) {
            return daemon.script().span(found, found + address.length());
        }
        return daemon.flags().span() != null ? daemon.flags().span() : daemon.daemon().span();
    }
}
