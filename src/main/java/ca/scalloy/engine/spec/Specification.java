package ca.scalloy.engine.spec;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import ca.scalloy.engine.MessageException;

/**
 * A customer or sector specification: element limits, "others" limits and optional property
 * requirements, with where it comes from and how far it can be trusted.
 *
 * @param name             unique name, e.g. "5083+Sc marine plate"
 * @param sector           EV, AERO, SPACE, WIND, DEFENCE, MASTER_ALLOY or a user-defined sector (upper case)
 * @param revision         revision label
 * @param limits           element limits, at most one per element
 * @param othersEachMaxPct maximum of each element not listed (balance excluded), or null
 * @param othersTotalMaxPct maximum of all unlisted elements together, or null
 * @param properties       property requirements (checked against estimates)
 * @param source           where the limits come from
 * @param confidence       confidence tag: src, calc or est (free text allowed)
 */
public record Specification(String name, String sector, String revision, List<ElementLimit> limits,
                            Double othersEachMaxPct, Double othersTotalMaxPct, List<PropertyRequirement> properties,
                            String source, String confidence) {

    /** The sectors Scalloy knows; users may add others. */
    public static final List<String> KNOWN_SECTORS = List.of("MASTER_ALLOY", "EV", "AERO", "SPACE", "WIND", "DEFENCE");

    public Specification {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (sector == null || !sector.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("sector must be an upper-case word such as EV or AERO, was '" + sector + "'");
        }
        revision = revision == null ? "" : revision;
        limits = List.copyOf(Objects.requireNonNullElse(limits, List.of()));
        properties = List.copyOf(Objects.requireNonNullElse(properties, List.of()));
        source = source == null ? "" : source;
        confidence = confidence == null ? "" : confidence;
        Set<String> seen = new HashSet<>();
        for (ElementLimit l : limits) {
            if (!seen.add(l.element())) {
                throw new MessageException("specs.refusal.duplicate", "limits: " + l.element() + " is limited more than once", l.element());
            }
        }
        for (Double v : new Double[] {othersEachMaxPct, othersTotalMaxPct}) {
            if (v != null && (!Double.isFinite(v) || v < 0 || v > 100)) {
                throw new MessageException("specs.refusal.othersRange", "others limits must be numbers from 0 to 100, was " + v, v);
            }
        }
        if (othersEachMaxPct != null && othersTotalMaxPct != null && othersEachMaxPct > othersTotalMaxPct) {
            throw new MessageException("specs.refusal.othersEachAboveTotal", "othersEachMaxPct " + othersEachMaxPct + " is above othersTotalMaxPct "
                    + othersTotalMaxPct, othersEachMaxPct, othersTotalMaxPct);
        }
    }

    /** The limit on {@code element}, if any. */
    public Optional<ElementLimit> limit(String element) {
        return limits.stream().filter(l -> l.element().equals(element)).findFirst();
    }
}
