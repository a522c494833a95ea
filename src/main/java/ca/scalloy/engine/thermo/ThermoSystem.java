package ca.scalloy.engine.thermo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set of elements (TDB symbols, Al first) with the phase models assembled for them and where each
 * description came from. Immutable; {@link #at(double)} gives the phases at one temperature.
 */
final class ThermoSystem {

    private final List<String> elements;
    private final List<PhaseModel> phases;
    private final List<ThermoAssembly.Source> sources;
    private final Map<String, Map<String, Set<String>>> provenance;
    private final double lowK;
    private final double highK;

    ThermoSystem(List<String> elements, List<PhaseModel> phases, List<ThermoAssembly.Source> sources,
            Map<String, Map<String, Set<String>>> provenance) {
        this.elements = List.copyOf(elements);
        this.phases = List.copyOf(phases);
        this.sources = List.copyOf(sources);
        this.provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        double low = 0;
        double high = Double.POSITIVE_INFINITY;
        for (PhaseModel p : phases) {
            double[] r = p.dataRangeK();
            low = Math.max(low, r[0]);
            high = Math.min(high, r[1]);
        }
        this.lowK = low;
        this.highK = high;
    }

    List<String> elements() {
        return elements;
    }

    List<PhaseModel> phases() {
        return phases;
    }

    List<ThermoAssembly.Source> sources() {
        return sources;
    }

    /** System (elements joined by '-') to database key to the phases it supplied for that system. */
    Map<String, Map<String, Set<String>>> provenance() {
        return provenance;
    }

    /** The lowest temperature every parameter used is given for, K. */
    double lowK() {
        return lowK;
    }

    /** The highest temperature every parameter used is given for, K. */
    double highK() {
        return highK;
    }

    /** Index of a phase by its shown name, or -1. */
    int phaseIndex(String name) {
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Every phase at {@code tempK}, in the order of {@link #phases()}. */
    List<PhaseAtT> at(double tempK) {
        List<PhaseAtT> out = new ArrayList<>(phases.size());
        java.util.Map<TdbDatabase, Expr.FunctionValues> evaluators = new java.util.IdentityHashMap<>();
        for (PhaseModel p : phases) {
            out.add(p.at(tempK, evaluators));
        }
        return out;
    }
}
