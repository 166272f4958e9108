package dev.bklint.kubernetes;

import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * A Kubernetes object that runs a pod (Pod, Job, CronJob, Deployment, StatefulSet, DaemonSet, ReplicaSet), found
 * in a plain manifest, with the pod spec and pod metadata it templates; or a Tekton Task/TaskRun/ClusterTask,
 * Shipwright (Cluster)BuildStrategy or Argo Workflow/WorkflowTemplate/ClusterWorkflowTemplate/CronWorkflow template,
 * with the pod spec its controller would build from what the file shows ({@link CrdWorkloads}).
 */
public record Workload(String kind, String name, YMap node, YMap podSpec, YMap podMetadata,
        boolean controllerCredentials) {

    /**
     * {@code controllerCredentials}: the controller puts registry credentials the file does not show into the
     * pod (Tekton's creds-init, tektoncd/pipeline@3ee1745ae5b2:pkg/pod/creds_init.go:169-186), so their absence
     * from the file is no evidence.
     */
    public Workload(String kind, String name, YMap node, YMap podSpec, YMap podMetadata) {
        this(kind, name, node, podSpec, podMetadata, false);
    }

    /** The workloads of a document: one object, or the items of a {@code kind: List}; empty for a pipeline. */
    public static List<Workload> of(YamlDocument document) {
        List<Workload> found = new ArrayList<>();
        if (document.root() instanceof YMap map && isObject(map)) {
            collect(map, found);
        }
        return found;
    }

    /** Every Kubernetes object written in the documents, the items of a {@code kind: List} included. */
    public static List<YMap> objects(List<YamlDocument> documents) {
        List<YMap> found = new ArrayList<>();
        for (YamlDocument d : documents) {
            if (d.root() instanceof YMap map && isObject(map)) {
                addObject(map, found);
            }
        }
        return found;
    }

    private static void addObject(YMap object, List<YMap> into) {
        if ("List".equals(object.string("kind")) && object.getSeq("items") != null) {
            for (YNode item : object.getSeq("items").items()) {
                if (item instanceof YMap m && isObject(m)) {
                    addObject(m, into);
                }
            }
            return;
        }
        into.add(object);
    }

    /** A Kubernetes object names its {@code apiVersion} and {@code kind}; a pipeline never does. */
    public static boolean isObject(YMap map) {
        return map.string("apiVersion") != null && map.string("kind") != null && !map.has("steps");
    }

    private static void collect(YMap object, List<Workload> into) {
        String kind = object.string("kind");
        if ("List".equals(kind) && object.getSeq("items") != null) {
            for (YNode item : object.getSeq("items").items()) {
                if (item instanceof YMap m && isObject(m)) {
                    collect(m, into);
                }
            }
            return;
        }
        YMap metadata = object.getMap("metadata");
        String name = metadata == null || metadata.string("name") == null ? "(unnamed)" : metadata.string("name");
        YMap spec = object.getMap("spec");
        YMap template = null;
        switch (kind) {
            case "Pod":
                if (spec != null) {
                    into.add(new Workload(kind, name, object, spec, metadata));
                }
                return;
            case "CronJob":
                YMap jobTemplate = spec == null ? null : spec.getMap("jobTemplate");
                YMap jobSpec = jobTemplate == null ? null : jobTemplate.getMap("spec");
                template = jobSpec == null ? null : jobSpec.getMap("template");
                break;
            case "Job": case "Deployment": case "StatefulSet": case "DaemonSet": case "ReplicaSet":
            case "PodTemplate":
                template = spec == null ? object.getMap("template") : spec.getMap("template");
                break;
            default:
                // Tekton, Shipwright and Argo objects embed container specs of their own shape.
                CrdWorkloads.collect(kind, name, object, into);
                return;
        }
        if (template != null && template.getMap("spec") != null) {
            into.add(new Workload(kind, name, object, template.getMap("spec"), template.getMap("metadata")));
        }
    }
}
