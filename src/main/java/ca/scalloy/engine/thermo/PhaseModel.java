package ca.scalloy.engine.thermo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One phase of a {@link ThermoSystem} in the compound energy formalism: sublattices with site numbers,
 * their constituents (elements of the system or vacancies), and the Gibbs energy terms (endmember
 * energies, Redlich-Kister and ternary Muggianu interactions, the Inden-Hillert-Jarl magnetic part),
 * each a coefficient of temperature times a product of factors linear in the site fractions.
 * Temperature-independent; {@link #at(double)} evaluates the coefficients.
 */
final class PhaseModel {

    /** Species index of a vacancy in {@link #species}. */
    static final int VACANCY = -1;

    /** A coefficient of temperature times a product of linear forms of the site fractions. */
    record Term(Piecewise coefficient, TdbDatabase database, LinearForm[] factors) {
    }

    /** {@code constant + sum(coefficients[k] * y[vars[k]])}. */
    record LinearForm(double constant, int[] vars, double[] coefficients) {
        static LinearForm variable(int v) {
            return new LinearForm(0, new int[] {v}, new double[] {1});
        }
    }

    private final String name;
    private final String databaseKey;
    private final String sourcePhase;
    private final double[] sites;
    private final int[][] species;
    private final int[] sublatticeStart;
    private final int variableCount;
    private final List<Term> gibbsTerms;
    private final List<Term> curieTerms;
    private final List<Term> magneticMomentTerms;
    private final TdbDatabase.Magnetic magnetic;
    private final int elementCount;
    /** How each Gibbs term enters PhaseAtT's fast paths: see {@link #plan()}. */
    private final Plan plan;

    /**
     * @param name        the name Scalloy shows (e.g. {@code AL3TI})
     * @param databaseKey the key of the database that defines the phase's structure
     * @param sourcePhase the phase's name in that database (e.g. {@code AL3M_D022})
     * @param sites       site number of each sublattice
     * @param species     per sublattice, each constituent's element index in the system or {@link #VACANCY}
     */
    PhaseModel(String name, String databaseKey, String sourcePhase, double[] sites, int[][] species, int elementCount,
            List<Term> gibbsTerms, List<Term> curieTerms, List<Term> magneticMomentTerms, TdbDatabase.Magnetic magnetic) {
        this.name = Objects.requireNonNull(name);
        this.databaseKey = databaseKey;
        this.sourcePhase = sourcePhase;
        this.sites = sites.clone();
        this.species = species;
        this.elementCount = elementCount;
        this.sublatticeStart = new int[species.length + 1];
        for (int s = 0; s < species.length; s++) {
            sublatticeStart[s + 1] = sublatticeStart[s] + species[s].length;
        }
        this.variableCount = sublatticeStart[species.length];
        this.gibbsTerms = List.copyOf(gibbsTerms);
        this.curieTerms = List.copyOf(curieTerms);
        this.magneticMomentTerms = List.copyOf(magneticMomentTerms);
        this.magnetic = magnetic;
        this.plan = new Plan(this.gibbsTerms, variableCount);
    }

    /**
     * Where each Gibbs term goes, fixed by its factors: a constant, a coefficient of one site fraction,
     * a binary Redlich-Kister block {@code y_a y_b (y_a - y_b)^k}, or the general product.
     */
    static final class Plan {
        static final int CONSTANT = 0;
        static final int LINEAR = 1;
        static final int BLOCK = 2;
        static final int GENERAL = 3;
        final int[] kind;
        final int[] target;
        final int[] order;
        final int[] blockA;
        final int[] blockB;
        final int[] blockDegree;
        final LinearForm[][] generalFactors;

        Plan(List<Term> terms, int m) {
            int n = terms.size();
            kind = new int[n];
            target = new int[n];
            order = new int[n];
            java.util.Map<Long, Integer> blocks = new java.util.LinkedHashMap<>();
            List<Integer> degrees = new ArrayList<>();
            List<LinearForm[]> general = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                LinearForm[] f = terms.get(t).factors();
                if (f.length == 0) {
                    kind[t] = CONSTANT;
                } else if (f.length == 1 && single(f[0]) >= 0) {
                    kind[t] = LINEAR;
                    target[t] = single(f[0]);
                } else if (f.length >= 2 && f.length - 2 < 8 && single(f[0]) >= 0 && single(f[1]) >= 0
                        && difference(f, single(f[0]), single(f[1]))) {
                    long key = ((long) single(f[0]) << 32) | single(f[1]);
                    Integer b = blocks.get(key);
                    if (b == null) {
                        b = blocks.size();
                        blocks.put(key, b);
                        degrees.add(0);
                    }
                    kind[t] = BLOCK;
                    target[t] = b;
                    order[t] = f.length - 2;
                    degrees.set(b, Math.max(degrees.get(b), order[t]));
                } else {
                    kind[t] = GENERAL;
                    target[t] = general.size();
                    general.add(f);
                }
            }
            blockA = new int[blocks.size()];
            blockB = new int[blocks.size()];
            blockDegree = new int[blocks.size()];
            for (java.util.Map.Entry<Long, Integer> e : blocks.entrySet()) {
                blockA[e.getValue()] = (int) (e.getKey() >> 32);
                blockB[e.getValue()] = (int) (e.getKey() & 0xffffffffL);
                blockDegree[e.getValue()] = degrees.get(e.getValue());
            }
            generalFactors = general.toArray(new LinearForm[0][]);
        }

        private static int single(LinearForm f) {
            return f.constant() == 0 && f.vars().length == 1 && f.coefficients()[0] == 1 ? f.vars()[0] : -1;
        }

        private static boolean difference(LinearForm[] f, int a, int b) {
            if (a == b) {
                return false;
            }
            for (int i = 2; i < f.length; i++) {
                LinearForm d = f[i];
                if (d.constant() != 0 || d.vars().length != 2 || d.vars()[0] != a || d.vars()[1] != b || d.coefficients()[0] != 1
                        || d.coefficients()[1] != -1) {
                    return false;
                }
            }
            return true;
        }
    }

    Plan plan() {
        return plan;
    }

    String name() {
        return name;
    }

    String databaseKey() {
        return databaseKey;
    }

    String sourcePhase() {
        return sourcePhase;
    }

    double[] sites() {
        return sites;
    }

    int[][] species() {
        return species;
    }

    int[] sublatticeStart() {
        return sublatticeStart;
    }

    int variableCount() {
        return variableCount;
    }

    int elementCount() {
        return elementCount;
    }

    TdbDatabase.Magnetic magnetic() {
        return magnetic;
    }

    /** Whether every sublattice has one constituent: a line compound with no internal freedom. */
    boolean stoichiometric() {
        for (int[] s : species) {
            if (s.length > 1) {
                return false;
            }
        }
        return true;
    }

    /** The temperature range every parameter of this phase is given for, K: {low, high}. */
    double[] dataRangeK() {
        double low = 0;
        double high = Double.POSITIVE_INFINITY;
        for (List<Term> list : List.of(gibbsTerms, curieTerms, magneticMomentTerms)) {
            for (Term t : list) {
                double[] r = t.database().range(t.coefficient());
                low = Math.max(low, r[0]);
                high = Math.min(high, r[1]);
            }
        }
        return new double[] {low, high};
    }

    /** The phase with its coefficients evaluated at {@code tempK}. */
    PhaseAtT at(double tempK) {
        return at(tempK, new java.util.IdentityHashMap<>());
    }

    /** As {@link #at(double)}, sharing each database's function values with other phases at the same temperature. */
    PhaseAtT at(double tempK, java.util.Map<TdbDatabase, Expr.FunctionValues> evaluators) {
        return new PhaseAtT(this, tempK, values(gibbsTerms, tempK, evaluators), evaluate(curieTerms, tempK, evaluators),
                evaluate(magneticMomentTerms, tempK, evaluators));
    }

    /** Every term's coefficient at tempK, in term order. */
    private static double[] values(List<Term> terms, double tempK, java.util.Map<TdbDatabase, Expr.FunctionValues> evaluators) {
        double[] out = new double[terms.size()];
        TdbDatabase last = null;
        Expr.FunctionValues functions = null;
        for (int t = 0; t < out.length; t++) {
            Term term = terms.get(t);
            if (term.database() != last) {
                last = term.database();
                functions = evaluators.computeIfAbsent(last, db -> db.new FunctionEvaluator());
            }
            out[t] = term.coefficient().eval(tempK, functions);
        }
        return out;
    }

    /** Coefficient values paired with their factors, zero terms dropped. */
    record Evaluated(double[] values, LinearForm[][] factors) {
    }

    private static Evaluated evaluate(List<Term> terms, double tempK, java.util.Map<TdbDatabase, Expr.FunctionValues> evaluators) {
        List<double[]> values = new ArrayList<>();
        List<LinearForm[]> factors = new ArrayList<>();
        for (Term t : terms) {
            Expr.FunctionValues functions = evaluators.computeIfAbsent(t.database(), db -> db.new FunctionEvaluator());
            double v = t.coefficient().eval(tempK, functions);
            if (v != 0) {
                values.add(new double[] {v});
                factors.add(t.factors());
            }
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i)[0];
        }
        return new Evaluated(out, factors.toArray(new LinearForm[0][]));
    }
}
