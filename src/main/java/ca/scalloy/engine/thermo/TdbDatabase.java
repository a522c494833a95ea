package ca.scalloy.engine.thermo;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The content of one TDB file as Scalloy uses it: elements, FUNCTIONs, PHASEs with their sublattices
 * and constituents, PARAMETERs and the magnetic TYPE_DEFINITIONs. Immutable once read.
 */
final class TdbDatabase {

    /** A PHASE with its CONSTITUENT lists; species names upper case, {@code %} marks removed. */
    record PhaseDef(String name, String typeCodes, double[] sites, List<List<String>> constituents) {
    }

    /**
     * A PARAMETER: its kind ({@code G}, {@code L}, {@code TC}, {@code BMAGN}; {@code G} and {@code L} are
     * equivalent), phase, constituent array (one list per sublattice, in the file's order), order and
     * expression, with the reference tag the file gives (may be empty).
     */
    record Param(String kind, String phase, List<List<String>> constituents, int order, Piecewise value, String reference) {
    }

    /** A magnetic TYPE_DEFINITION: anti-ferromagnetic factor and structure factor p of one phase. */
    record Magnetic(double afmFactor, double structureFactorP) {
    }

    private final String fileName;
    private final Map<String, Double> elementMasses;
    private final Map<String, Piecewise> functions;
    private final Map<String, PhaseDef> phases;
    private final List<Param> parameters;
    private final Map<String, Magnetic> magneticByPhase;
    private final Map<String, List<Param>> parametersByPhase;
    private final Piecewise[] functionsById;
    private final String[] functionNames;

    TdbDatabase(String fileName, Map<String, Double> elementMasses, Map<String, Piecewise> functions,
            Map<String, PhaseDef> phases, List<Param> parameters, Map<String, Magnetic> magneticByPhase) {
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.elementMasses = Collections.unmodifiableMap(new LinkedHashMap<>(elementMasses));
        this.functions = Collections.unmodifiableMap(new HashMap<>(functions));
        this.phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases));
        this.parameters = List.copyOf(parameters);
        this.magneticByPhase = Collections.unmodifiableMap(new HashMap<>(magneticByPhase));
        Map<String, Integer> ids = new HashMap<>();
        functionsById = new Piecewise[this.functions.size()];
        functionNames = new String[this.functions.size()];
        int next = 0;
        for (Map.Entry<String, Piecewise> f : new java.util.TreeMap<>(this.functions).entrySet()) {
            ids.put(f.getKey(), next);
            functionNames[next] = f.getKey();
            functionsById[next++] = f.getValue();
        }
        for (Piecewise f : functionsById) {
            f.link(ids);
        }
        for (Param p : this.parameters) {
            p.value().link(ids);
        }
        Map<String, List<Param>> byPhase = new HashMap<>();
        for (Param p : this.parameters) {
            byPhase.computeIfAbsent(p.phase(), k -> new java.util.ArrayList<>()).add(p);
        }
        this.parametersByPhase = byPhase;
    }

    /** The parameters of one phase (empty when it has none). */
    List<Param> parameters(String phase) {
        return parametersByPhase.getOrDefault(phase, List.of());
    }

    /**
     * The temperature range, K, over which a piecewise expression and every FUNCTION it uses (directly
     * or through other functions) are given: {low, high}.
     */
    double[] range(Piecewise value) {
        double[] r = {value.lowK(), value.highK()};
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>();
        java.util.Set<String> refs = new java.util.TreeSet<>();
        value.references(refs);
        todo.addAll(refs);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name)) {
                continue;
            }
            Piecewise f = functions.get(name);
            if (f == null) {
                continue;
            }
            r[0] = Math.max(r[0], f.lowK());
            r[1] = Math.min(r[1], f.highK());
            java.util.Set<String> more = new java.util.TreeSet<>();
            f.references(more);
            todo.addAll(more);
        }
        return r;
    }

    String fileName() {
        return fileName;
    }

    Map<String, Double> elementMasses() {
        return elementMasses;
    }

    Map<String, Piecewise> functions() {
        return functions;
    }

    Map<String, PhaseDef> phases() {
        return phases;
    }

    List<Param> parameters() {
        return parameters;
    }

    /** The magnetic description of a phase, or null when it has none. */
    Magnetic magnetic(String phase) {
        return magneticByPhase.get(phase);
    }

    /**
     * Evaluates this database's FUNCTIONs at one temperature, each once (a FUNCTION refers to others,
     * e.g. every element's unary to GHSER...). Not thread-safe: one per evaluation.
     */
    final class FunctionEvaluator implements Expr.FunctionValues {
        private final Map<String, Double> memo = new HashMap<>();
        private double memoTempK = Double.NaN;
        private int depth;
        private final double[] byId = new double[functionsById.length];
        private final boolean[] known = new boolean[functionsById.length];
        private double byIdTempK = Double.NaN;

        @Override
        public double value(int id, String name, double tempK) {
            if (id < 0) {
                return value(name, tempK);
            }
            if (tempK != byIdTempK) {
                java.util.Arrays.fill(known, false);
                byIdTempK = tempK;
            }
            if (known[id]) {
                return byId[id];
            }
            if (++depth > 64) {
                throw new IllegalStateException(fileName + ": FUNCTION " + functionNames[id] + " refers to itself");
            }
            try {
                double v = functionsById[id].eval(tempK, this);
                byId[id] = v;
                known[id] = true;
                return v;
            } finally {
                depth--;
            }
        }

        @Override
        public double value(String name, double tempK) {
            if (tempK != memoTempK) {
                memo.clear();
                memoTempK = tempK;
            }
            Double known = memo.get(name);
            if (known != null) {
                return known;
            }
            Piecewise f = functions.get(name);
            if (f == null) {
                throw new IllegalStateException(fileName + ": FUNCTION " + name + " is used but not defined");
            }
            if (++depth > 64) {
                throw new IllegalStateException(fileName + ": FUNCTION " + name + " refers to itself");
            }
            try {
                double v = f.eval(tempK, this);
                memo.put(name, v);
                return v;
            } finally {
                depth--;
            }
        }
    }
}
