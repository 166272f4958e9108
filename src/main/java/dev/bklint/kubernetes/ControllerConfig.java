package dev.bklint.kubernetes;

import dev.bklint.source.SourceFile;
import dev.bklint.source.Span;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YSeq;
import dev.bklint.yaml.YamlDocument;
import dev.bklint.yaml.YamlLoader;
import dev.bklint.yaml.YamlSyntaxError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Agent Stack for Kubernetes controller's configuration, from its Helm values ({@code config:}) or its bare
 * config file: the parts that change what a pipeline's pod becomes or where its jobs go.
 */
public record ControllerConfig(SourceFile source, YMap podSpecPatch, String queue, Map<String, String> tags,
                               YMap defaultCheckoutParams, EffectiveInterposer defaultInterposer,
                               String workspaceVolume) {
    /** The controller's workspace volume is named this unless {@code workspace-volume.name} says otherwise. */
    public static final String DEFAULT_WORKSPACE_VOLUME = "workspace";

    public static ControllerConfig parse(SourceFile source) throws YamlSyntaxError {
        List<YamlDocument> docs = YamlLoader.load(source);
        YMap root = docs.isEmpty() || docs.get(0).root() == null ? null : docs.get(0).root().asMap();
        if (root == null) {
            throw new YamlSyntaxError("the controller configuration must be a mapping", Span.point(1, 1));
        }
        YMap config = root.getMap("config") != null ? root.getMap("config") : root;
        Map<String, String> tags = new LinkedHashMap<>();
        YSeq tagList = config.getSeq("tags");
        if (tagList != null) {
            for (YNode t : tagList.items()) {
                String text = t.asScalar() == null ? null : t.asScalar().value();
                if (text != null && text.contains("=")) {
                    tags.put(text.substring(0, text.indexOf('=')), text.substring(text.indexOf('=') + 1));
                }
            }
        }
        String queue = config.string("queue");
        if (queue == null) {
            queue = tags.get("queue");
        }
        YMap volume = config.getMap("workspace-volume");
        String workspaceVolume = volume == null ? null : volume.string("name");
        return new ControllerConfig(source, config.getMap("pod-spec-patch"), queue, tags,
                config.getMap("default-checkout-params"),
                EffectiveInterposer.ofController(config.getMap("default-command-params")),
                workspaceVolume != null ? workspaceVolume : DEFAULT_WORKSPACE_VOLUME);
    }

    /** The queue the controller polls: its {@code queue}, its {@code queue=} tag, else the cluster default. */
    public String polledQueue() {
        return queue != null ? queue : "_default";
    }
}
