package dev.bklint.rules.versions;

import dev.bklint.kubernetes.EffectivePod;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import java.util.ArrayList;
import java.util.List;

/** Finds a securityContext field at pod level and in every container of a pod, for the version rules. */
final class ProfileFields {
    private ProfileFields() {
    }

    /** Each place the field is written, with a name for messages. */
    static List<Place> find(EffectivePod pod, String field) {
        List<Place> places = new ArrayList<>();
        YMap podSc = pod.podSecurityContext();
        if (podSc != null && podSc.entry(field) != null) {
            places.add(new Place(podSc.entry(field), "the pod"));
        }
        for (PodContainer c : pod.allContainers()) {
            YMap sc = c.securityContext();
            if (sc != null && sc.entry(field) != null) {
                places.add(new Place(sc.entry(field), "container `" + c.name() + "`"));
            }
        }
        return places;
    }

    record Place(YEntry entry, String owner) {
    }
}
