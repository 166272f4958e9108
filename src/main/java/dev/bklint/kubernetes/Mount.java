package dev.bklint.kubernetes;

import dev.bklint.yaml.YMap;

/** A volume mount of a container with the volume it mounts (null when the pod declares no such volume). */
public record Mount(String mountPath, String volumeName, YMap node, YMap volume) {
    /** The volume's kind: {@code emptyDir}, {@code persistentVolumeClaim}, ... or null when unknown. */
    public String volumeKind() {
        if (volume == null) {
            return null;
        }
        for (var e : volume.entries()) {
            if (e.keyText() != null && !e.keyText().equals("name")) {
                return e.keyText();
            }
        }
        return null;
    }

    /** Paths compared without trailing slashes. */
    public boolean isAt(String path) {
        return normalise(mountPath).equals(normalise(path));
    }

    public static String normalise(String path) {
        String p = path == null ? "" : path.trim();
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
