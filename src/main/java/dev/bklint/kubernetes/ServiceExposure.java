package dev.bklint.kubernetes;

import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Services (and the Ingresses routing to them) written in the same file that forward to a port of a pod: a
 * Service selects the pods whose labels include its whole {@code selector}, in its own namespace, and forwards each
 * port to its {@code targetPort} (a number, or the name of a container port), or to {@code port} when that is unset.
 */
public final class ServiceExposure {
    /** One Service that forwards to the port, its type, and the Ingresses that route to it. */
    public record Exposure(String service, String type, List<String> ingresses) {
        /** True when the Service is reachable from outside the cluster (a node port or a load balancer). */
        public boolean external() {
            return "NodePort".equals(type) || "LoadBalancer".equals(type);
        }
    }

    private ServiceExposure() {
    }

    /** The Services of the pod's file that forward to {@code port} of container {@code c}. */
    public static List<Exposure> of(PodContainer c, int port) {
        EffectivePod pod = c.pod();
        List<Exposure> found = new ArrayList<>();
        if (pod.labels() == null || pod.fileObjects().isEmpty()) {
            return found;
        }
        String portName = containerPortName(c, port);
        String namespace = namespaceOf(pod);
        for (YMap object : pod.fileObjects()) {
            if (!"Service".equals(object.string("kind")) || !sameNamespace(object, namespace)) {
                continue;
            }
            YMap spec = object.getMap("spec");
            YMap selector = spec == null ? null : spec.getMap("selector");
            if (selector == null || selector.isEmpty() || !selects(selector, pod.labels())
                    || !forwards(spec.getSeq("ports"), port, portName)) {
                continue;
            }
            String name = nameOf(object);
            String type = spec.string("type") == null ? "ClusterIP" : spec.string("type");
            found.add(new Exposure(name, type, ingressesTo(pod.fileObjects(), name)));
        }
        return found;
    }

    private static boolean selects(YMap selector, YMap labels) {
        for (YEntry e : selector.entries()) {
            if (!(e.value() instanceof YScalar s) || !Objects.equals(s.value(), labels.string(e.keyText()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean forwards(YSeq ports, int port, String portName) {
        if (ports == null) {
            return false;
        }
        for (YNode item : ports.items()) {
            if (!(item instanceof YMap p)) {
                continue;
            }
            String target = p.string("targetPort") != null ? p.string("targetPort") : p.string("port");
            if (target != null && (target.equals(Integer.toString(port)) || target.equals(portName))) {
                return true;
            }
        }
        return false;
    }

    /** The name of the container port with number {@code port}, or null. */
    private static String containerPortName(PodContainer c, int port) {
        YSeq ports = c.node() == null ? null : c.node().getSeq("ports");
        if (ports != null) {
            for (YNode item : ports.items()) {
                if (item instanceof YMap p && Integer.toString(port).equals(p.string("containerPort"))) {
                    return p.string("name");
                }
            }
        }
        return null;
    }

    /** The Ingresses that send requests to the Service (a rule's path or the default backend). */
    private static List<String> ingressesTo(List<YMap> objects, String service) {
        List<String> names = new ArrayList<>();
        for (YMap object : objects) {
            YMap spec = object.getMap("spec");
            if (!"Ingress".equals(object.string("kind")) || spec == null) {
                continue;
            }
            boolean routes = backendIs(spec.getMap("defaultBackend"), service);
            YSeq rules = spec.getSeq("rules");
            for (YNode r : rules == null ? List.<YNode>of() : rules.items()) {
                YMap http = r instanceof YMap rm ? rm.getMap("http") : null;
                YSeq paths = http == null ? null : http.getSeq("paths");
                for (YNode p : paths == null ? List.<YNode>of() : paths.items()) {
                    routes |= p instanceof YMap pm && backendIs(pm.getMap("backend"), service);
                }
            }
            if (routes) {
                names.add(nameOf(object));
            }
        }
        return names;
    }

    private static boolean backendIs(YMap backend, String service) {
        YMap s = backend == null ? null : backend.getMap("service");
        return s != null && service.equals(s.string("name"));
    }

    static String nameOf(YMap object) {
        YMap metadata = object.getMap("metadata");
        String name = metadata == null ? null : metadata.string("name");
        return name == null ? "(unnamed)" : name;
    }

    /** The namespace the workload that owns the pod is written in, or null when it names none. */
    static String namespaceOf(EffectivePod pod) {
        for (YMap object : pod.fileObjects()) {
            YMap spec = object.getMap("spec");
            YMap template = spec == null ? null : spec.getMap("template");
            if (spec == pod.spec() || template != null && template.getMap("spec") == pod.spec()) {
                YMap metadata = object.getMap("metadata");
                return metadata == null ? null : metadata.string("namespace");
            }
        }
        return null;
    }

    /** Objects that name no namespace are read as the workload's; two different names never match. */
    static boolean sameNamespace(YMap object, String namespace) {
        YMap metadata = object.getMap("metadata");
        String own = metadata == null ? null : metadata.string("namespace");
        return own == null || namespace == null || own.equals(namespace);
    }
}
