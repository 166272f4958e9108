package dev.bklint.kubernetes;

import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes' strategic merge of a patch into a PodSpec, on positioned YAML nodes so that every value keeps
 * where it was written: mappings merge key by key, lists of named things merge by their merge key, and any
 * other list or scalar is replaced by the patch's. The controller decodes the patch into a Go struct first,
 * so {@code $patch} directives and explicit nulls are lost; nulls are ignored here too.
 */
public final class StrategicMerge {
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "ephemeralContainers", "name",
            "volumes", "name",
            "env", "name",
            "volumeMounts", "mountPath",
            "volumeDevices", "devicePath",
            "imagePullSecrets", "name",
            "hostAliases", "ip",
            "ports", "containerPort");

    private StrategicMerge() {
    }

    public static YNode merge(YNode base, YNode patch) {
        return merge(base, patch, null);
    }

    private static YNode merge(YNode base, YNode patch, String field) {
        if (patch == null || patch instanceof YScalar s && s.isNull()) {
            return base;
        }
        if (base instanceof YMap b && patch instanceof YMap p) {
            return mergeMaps(b, p);
        }
        String key = field == null ? null : MERGE_KEYS.get(field);
        if (key != null && base instanceof YSeq b && patch instanceof YSeq p) {
            return mergeLists(b, p, key);
        }
        return patch;
    }

    private static YMap mergeMaps(YMap base, YMap patch) {
        List<YEntry> entries = new ArrayList<>();
        for (YEntry e : base.entries()) {
            YEntry p = e.keyText() == null ? null : patch.entry(e.keyText());
            entries.add(p == null ? e : new YEntry(e.key(), merge(e.value(), p.value(), e.keyText()), e.merged()));
        }
        for (YEntry p : patch.entries()) {
            if (p.keyText() == null || !base.has(p.keyText())) {
                entries.add(p);
            }
        }
        return new YMap(entries, base.isFlow(), base.source(), base.span(), base.via());
    }

    private static YSeq mergeLists(YSeq base, YSeq patch, String key) {
        List<YNode> items = new ArrayList<>(base.items());
        for (YNode p : patch.items()) {
            String id = p instanceof YMap m ? m.string(key) : null;
            int at = id == null ? -1 : indexOf(items, key, id);
            if (at >= 0) {
                items.set(at, merge(items.get(at), p, null));
            } else {
                items.add(p);
            }
        }
        return new YSeq(items, base.isFlow(), base.source(), base.span(), base.via());
    }

    private static int indexOf(List<YNode> items, String key, String id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof YMap m && id.equals(m.string(key))) {
                return i;
            }
        }
        return -1;
    }
}
