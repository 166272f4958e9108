package dev.bklint.kubernetes;

import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;

/**
 * The file a container sees at a path when a {@code configMap} volume puts it there and the ConfigMap is written in
 * the same file: a volume mounted at the file's directory projects each key (or each {@code items} entry's
 * {@code path}) as a file, and a {@code subPath} mount puts one of them at the mount path. Anything else (a projected
 * volume, a ConfigMap from elsewhere, {@code binaryData}) is not read.
 */
public final class MountedConfigMap {
    /** The ConfigMap's name, and the {@code data} entry whose value is the file's text. */
    public record File(String configMap, YEntry entry) {
        public YScalar text() {
            return (YScalar) entry.value();
        }
    }

    private MountedConfigMap() {
    }

    /** The ConfigMap data entry container {@code c} reads at absolute {@code path}, or null. */
    public static File at(PodContainer c, String path) {
        String wanted = Mount.normalise(path);
        for (Mount m : c.mounts()) {
            if (m.volume() == null || !(m.volume().get("configMap") instanceof YMap source) || m.node() == null) {
                continue;
            }
            String at = Mount.normalise(m.mountPath());
            String subPath = m.node().string("subPath");
            String projected; // the name of the file inside the volume
            if (subPath != null && !subPath.isEmpty()) {
                projected = at.equals(wanted) ? subPath : null;
            } else {
                projected = wanted.startsWith(at + "/") && wanted.indexOf('/', at.length() + 1) < 0
                        ? wanted.substring(at.length() + 1) : null;
            }
            String key = projected == null ? null : keyFor(source, projected);
            File file = key == null ? null : data(c.pod(), source.string("name"), key);
            if (file != null) {
                return file;
            }
        }
        return null;
    }

    /** The key projected as {@code file}: the key itself, or with {@code items}, the one whose path it is. */
    private static String keyFor(YMap source, String file) {
        YSeq items = source.getSeq("items");
        if (items == null) {
            return file;
        }
        for (YNode item : items.items()) {
            if (item instanceof YMap i && file.equals(i.string("path"))) {
                return i.string("key");
            }
        }
        return null;
    }

    private static File data(EffectivePod pod, String name, String key) {
        if (name == null) {
            return null;
        }
        String namespace = ServiceExposure.namespaceOf(pod);
        for (YMap object : pod.fileObjects()) {
            if (!"ConfigMap".equals(object.string("kind")) || !ServiceExposure.sameNamespace(object, namespace)
                    || !name.equals(ServiceExposure.nameOf(object))) {
                continue;
            }
            YMap data = object.getMap("data");
            YEntry entry = data == null ? null : data.entry(key);
            if (entry != null && entry.value() instanceof YScalar s && !s.isNull()) {
                return new File(name, entry);
            }
        }
        return null;
    }
}
