package ca.scalloy.engine.thermo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Elements;
import ca.scalloy.engine.Message;
import ca.scalloy.engine.MessageException;

/**
 * Thermodynamic calculations on an aluminium alloy from the CALPHAD databases of the Al-rich corner
 * (see {@code al-corner.assembly} and decision 0013): equilibrium phases, liquidus with its primary
 * phase, solidus, solvus of each precipitate, solubility in (Al), driving forces, Scheil-Gulliver
 * solidification. Compositions are wt% with Al the balance; elements the data do not cover may be
 * present up to {@link #OMITTED_MAX_WT_PCT} wt% in all and are then left out (and named in the result).
 * Thread-safe and immutable.
 */
public final class ThermoCalculator {

    /** The most solid (mole fraction of the alloy) one Scheil step may form before the step is halved. */
    static final double SCHEIL_MAX_STEP_SOLID = 0.04;
    /** Scheil-Gulliver stops when less liquid than this (mole fraction) is left. */
    public static final double SCHEIL_END_LIQUID = 1e-4;
    /** At most this much (wt%, all together) of elements outside the data is left out; more is refused. */
    public static final double OMITTED_MAX_WT_PCT = 1.0;
    /** Temperature tolerance of liquidus, solidus and solvus searches, K. */
    static final double TEMP_TOLERANCE_K = 0.005;
    static final double KELVIN = 273.15;
    static final String LIQUID = "LIQUID";
    static final String FCC = "FCC_A1";

    private static final ThermoCalculator AL_CORNER = new ThermoCalculator(ThermoAssembly.alCorner());

    private final ThermoAssembly assembly;

    ThermoCalculator(ThermoAssembly assembly) {
        this.assembly = assembly;
    }

    /** The calculator on the databases shipped with Scalloy. */
    public static ThermoCalculator alRichCorner() {
        return AL_CORNER;
    }

    /** The elements the data cover (Scalloy symbols, e.g. {@code Sc}). */
    public List<String> elements() {
        List<String> out = new ArrayList<>();
        for (String e : assembly.elements()) {
            out.add(symbol(e));
        }
        return out;
    }

    /** The lowest temperature the data cover for this composition's elements, degrees C. */
    public double minTempC(Composition c) {
        return prepare(c).system.lowK() - KELVIN;
    }

    /** The highest temperature the data cover for this composition's elements, degrees C. */
    public double maxTempC(Composition c) {
        return prepare(c).system.highK() - KELVIN;
    }

    /**
     * Which data a calculation on this composition uses (files, the description of each system, what is left out).
     *
     * @throws IllegalArgumentException for a composition the data cannot take
     */
    public DatabaseUse database(Composition c) {
        return prepare(c).database;
    }

    static String symbol(String tdb) {
        return tdb.charAt(0) + tdb.substring(1).toLowerCase(Locale.ROOT);
    }

    static String tdb(String symbol) {
        return symbol.toUpperCase(Locale.ROOT);
    }

    /** A composition made ready: its system, mole fractions in system order, and what was left out. */
    static final class Prepared {
        final ThermoSystem system;
        final double[] x;
        final double[] massGPerMol;
        final DatabaseUse database;

        Prepared(ThermoSystem system, double[] x, double[] massGPerMol, DatabaseUse database) {
            this.system = system;
            this.x = x;
            this.massGPerMol = massGPerMol;
            this.database = database;
        }

        int phase(String name) {
            return system.phaseIndex(name);
        }

        Prepared with(double[] newX) {
            return new Prepared(system, newX, massGPerMol, database);
        }
    }

    /**
     * Checks and converts a composition.
     *
     * @throws IllegalArgumentException when the balance is not Al, or elements outside the data exceed
     *                                  {@link #OMITTED_MAX_WT_PCT} wt% (naming them and what is covered)
     */
    Prepared prepare(Composition c) {
        if (!c.balanceElement().equals("Al")) {
            throw new MessageException("chart.error.notAluminium", "balance element must be Al for the thermodynamic data, was "
                    + c.balanceElement(), c.balanceElement());
        }
        Map<String, Double> omitted = new LinkedHashMap<>();
        Map<String, Double> kept = new LinkedHashMap<>();
        double omittedSum = 0;
        for (Map.Entry<String, Double> e : c.wtPct().entrySet()) {
            if (e.getValue() <= 0) {
                continue;
            }
            if (assembly.elements().contains(tdb(e.getKey()))) {
                kept.put(e.getKey(), e.getValue());
            } else {
                omitted.put(e.getKey(), e.getValue());
                omittedSum += e.getValue();
            }
        }
        if (omittedSum > OMITTED_MAX_WT_PCT + 1e-12) {
            throw new MessageException("chart.error.notCovered", "the thermodynamic data cover " + elements() + "; " + omitted
                    + " wt% of other elements is more than the " + OMITTED_MAX_WT_PCT + " wt% that may be left out", List.copyOf(elements()),
                    Collections.unmodifiableMap(new LinkedHashMap<>(omitted)), OMITTED_MAX_WT_PCT);
        }
        Set<String> tdbElements = new TreeSet<>();
        for (String e : kept.keySet()) {
            tdbElements.add(tdb(e));
        }
        ThermoSystem system = assembly.system(tdbElements);
        Elements table = Elements.standard();
        List<String> els = system.elements();
        double[] mass = new double[els.size()];
        double[] moles = new double[els.size()];
        double total = 0;
        double sumKept = 0;
        for (double v : kept.values()) {
            sumKept += v;
        }
        for (int i = 0; i < els.size(); i++) {
            String sym = symbol(els.get(i));
            mass[i] = table.atomicMass(sym);
            double wt = sym.equals("Al") ? 100 - sumKept - omittedSum : kept.get(sym);
            moles[i] = wt / mass[i];
            total += moles[i];
        }
        if (moles[0] <= 0) {
            throw new IllegalArgumentException("the thermodynamic data are for aluminium alloys: Al must be present, the listed elements sum to "
                    + (sumKept + omittedSum) + " wt%");
        }
        for (int i = 0; i < moles.length; i++) {
            moles[i] /= total;
        }
        return new Prepared(system, moles, mass, databaseUse(system, omitted));
    }

    private final Map<ThermoSystem, DatabaseUse> databaseUses = new java.util.concurrent.ConcurrentHashMap<>();

    private DatabaseUse databaseUse(ThermoSystem system, Map<String, Double> omitted) {
        if (omitted.isEmpty()) {
            return databaseUses.computeIfAbsent(system, s -> describe(s, omitted));
        }
        return describe(system, omitted);
    }

    private DatabaseUse describe(ThermoSystem system, Map<String, Double> omitted) {
        List<String> files = new ArrayList<>();
        List<Message> citations = new ArrayList<>();
        for (ThermoAssembly.Source s : system.sources()) {
            files.add(s.fileName() + " (" + s.title() + ")");
            citations.add(Message.of("thermo.database." + s.key(), s.fileName() + " (" + s.title() + ")", s.fileName()));
        }
        Map<String, String> systems = new LinkedHashMap<>();
        Map<String, String> fileOf = new HashMap<>();
        for (ThermoAssembly.Source s : assembly.sources().values()) {
            fileOf.put(s.key(), s.fileName());
        }
        List<String> keys = new ArrayList<>(system.provenance().keySet());
        keys.sort(Comparator.comparingInt((String k) -> k.split("-").length).thenComparing(k -> k));
        for (String k : keys) {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, Set<String>> e : system.provenance().get(k).entrySet()) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append(String.join(", ", e.getValue())).append(": ").append(fileOf.get(e.getKey()));
            }
            List<String> parts = new ArrayList<>();
            for (String el : k.split("-")) {
                parts.add(symbol(el));
            }
            systems.put(String.join("-", parts), sb.toString());
        }
        List<String> notes = new ArrayList<>();
        Set<String> keysUsed = new LinkedHashSet<>();
        for (ThermoAssembly.Source s : system.sources()) {
            keysUsed.add(s.key());
        }
        if (keysUsed.size() > 1) {
            notes.add("descriptions from several databases are combined (all on the SGTE unary data); valid for Al-rich alloys");
        }
        if (!omitted.isEmpty()) {
            notes.add("left out, not covered by the data: " + omitted + " wt%");
        }
        return new DatabaseUse(files, systems, omitted, notes, citations);
    }

    void checkTemperature(Prepared p, double tempC, String what) {
        double lowC = p.system.lowK() - KELVIN;
        double highC = p.system.highK() - KELVIN;
        if (!Double.isFinite(tempC) || tempC < lowC - 1e-9 || tempC > highC + 1e-9) {
            throw new IllegalArgumentException(what + " must be from " + round1(lowC) + " to " + round1(highC)
                    + " °C (the range of the thermodynamic data), was " + tempC);
        }
    }

    private static String round1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    // ------------------------------------------------------------------ equilibrium

    /**
     * The equilibrium of an alloy at a temperature.
     *
     * @throws IllegalArgumentException for a composition the data cannot take or a temperature outside their range
     */
    public Equilibrium equilibrium(Composition c, double tempC) {
        Prepared p = prepare(c);
        checkTemperature(p, tempC, "tempC");
        List<PhaseAtT> phases = p.system.at(tempC + KELVIN);
        EquilibriumSolver.Result r = EquilibriumSolver.solve(phases, p.x, new boolean[phases.size()], null, true);
        return toEquilibrium(p, r);
    }

    Equilibrium toEquilibrium(Prepared p, EquilibriumSolver.Result r) {
        List<PhaseFraction> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        double alloyMass = 0;
        for (int e = 0; e < p.x.length; e++) {
            alloyMass += p.x[e] * p.massGPerMol[e];
        }
        for (int k = 0; k < r.sets().size(); k++) {
            String base = r.phases().get(r.sets().get(k).phase).name();
            int n = seen.merge(base, 1, Integer::sum);
            String name = n == 1 ? base : base + "#" + n;
            double[] comp = r.composition(k);
            double atoms = r.atomFraction(k);
            double phaseMass = 0;
            for (int e = 0; e < comp.length; e++) {
                phaseMass += comp[e] * p.massGPerMol[e];
            }
            out.add(new PhaseFraction(name, atoms, atoms * phaseMass / alloyMass, wtPct(p, comp), atPct(p, comp)));
        }
        out.sort(Comparator.comparingDouble(PhaseFraction::molFraction).reversed());
        Map<String, Double> mu = new LinkedHashMap<>();
        for (int e = 0; e < p.x.length; e++) {
            mu.put(symbol(p.system.elements().get(e)), r.potentials()[e]);
        }
        return new Equilibrium(r.tempK() - KELVIN, out, mu, r.converged(), r.failure(), p.database);
    }

    static Map<String, Double> wtPct(Prepared p, double[] moleFractions) {
        double total = 0;
        for (int e = 0; e < moleFractions.length; e++) {
            total += moleFractions[e] * p.massGPerMol[e];
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int e = 0; e < moleFractions.length; e++) {
            out.put(symbol(p.system.elements().get(e)), 100 * moleFractions[e] * p.massGPerMol[e] / total);
        }
        return out;
    }

    static Map<String, Double> atPct(Prepared p, double[] moleFractions) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int e = 0; e < moleFractions.length; e++) {
            out.put(symbol(p.system.elements().get(e)), 100 * moleFractions[e]);
        }
        return out;
    }

    // ------------------------------------------------------------------ liquidus

    /**
     * The liquidus and the primary phase: the highest temperature at which any solid phase has a
     * driving force to form from the liquid of the alloy's composition.
     *
     * @throws IllegalArgumentException for a composition the data cannot take
     */
    public Liquidus liquidus(Composition c) {
        Prepared p = prepare(c);
        LiquidusSearch s = new LiquidusSearch(p);
        return s.run();
    }

    /** Liquidus search state: each phase's last minimum is the next start. */
    final class LiquidusSearch {
        final Prepared p;
        final int liquid;
        final Map<Integer, double[]> warm = new HashMap<>();
        final Map<Integer, Double> lastForce = new HashMap<>();
        int argmax = -1;
        /** While closing in, phases far below the leader at both ends of the bracket are not searched. */
        boolean narrow;
        /** The last temperature where a solid could form, K, and which one could most. */
        double positiveK = Double.NaN;
        int positiveArgmax = -1;

        LiquidusSearch(Prepared p) {
            this.p = p;
            this.liquid = p.phase(LIQUID);
        }

        /** Largest driving force (J per mole of atoms) of a solid against the liquid of the alloy's composition. */
        double maxDrivingForce(double tempK) {
            List<PhaseAtT> phases = p.system.at(tempK);
            double[] mu = liquidPotentials(phases.get(liquid), p.x);
            double best = Double.NEGATIVE_INFINITY;
            argmax = -1;
            for (int i = 0; i < phases.size(); i++) {
                if (i == liquid) {
                    continue;
                }
                Double previous = lastForce.get(i);
                if (narrow && previous != null && previous < -3 * phases.get(i).rt()) {
                    continue;
                }
                double df = drivingForce(phases.get(i), mu, warm, i, p.x);
                lastForce.put(i, narrow && previous != null ? Math.max(previous, df) : df);
                if (df > best) {
                    best = df;
                    argmax = i;
                }
            }
            if (best > 0) {
                positiveK = tempK;
                positiveArgmax = argmax;
            }
            return best;
        }

        Liquidus run() {
            double hi = 1273.15;
            double top = p.system.highK();
            double fHi = maxDrivingForce(hi);
            while (fHi > 0 && hi < top) {
                hi = Math.min(hi + 250, top);
                fHi = maxDrivingForce(hi);
            }
            if (fHi > 0) {
                return new Liquidus(hi - KELVIN, p.system.phases().get(argmax).name(), false, p.database);
            }
            double lo = hi;
            double fLo = fHi;
            while (fLo <= 0 && lo > p.system.lowK() + 1) {
                hi = lo;
                fHi = fLo;
                lo = Math.max(lo - (lo > 1000 ? 100 : 50), p.system.lowK());
                fLo = maxDrivingForce(lo);
            }
            if (fLo <= 0) {
                return new Liquidus(Double.NaN, null, false, p.database);
            }
            // lastForce now holds each phase's driving force at the bracket's lower end (the larger one):
            // a phase 3 RT short of forming there does not form within the bracket.
            narrow = true;
            Root r = Root.find(this::maxDrivingForce, lo, fLo, hi, fHi, TEMP_TOLERANCE_K);
            if (positiveK == r.positiveSideK()) {
                argmax = positiveArgmax; // the primary phase is known from the search: no need to look again
            } else {
                maxDrivingForce(r.positiveSideK());
            }
            String primary = p.system.phases().get(argmax).name();
            return new Liquidus(r.valueK() - KELVIN, primary, r.converged(), p.database);
        }
    }

    /**
     * Chemical potentials of a single-sublattice solution (the liquid) at site fractions equal to
     * the mole fractions {@code x}: {@code mu_i = G + dG/dy_i - sum_j y_j dG/dy_j}.
     */
    static double[] liquidPotentials(PhaseAtT liquid, double[] x) {
        int[] species = liquid.model().species()[0];
        double[] y = new double[species.length];
        for (int v = 0; v < y.length; v++) {
            y[v] = Math.max(x[species[v]], PhaseAtT.Y_MIN);
        }
        return tangent(liquid, y, 0);
    }

    /** Tangent-plane potentials of a phase whose first sublattice holds the elements and the others one species. */
    static double[] tangent(PhaseAtT phase, double[] y, int sublattice) {
        int m = phase.variableCount();
        double[] grad = new double[m];
        double g = phase.energy(y, grad, null);
        int[] species = phase.model().species()[sublattice];
        int start = phase.model().sublatticeStart()[sublattice];
        double sites = phase.model().sites()[sublattice];
        double sum = 0;
        for (int v = 0; v < species.length; v++) {
            sum += y[start + v] * grad[start + v];
        }
        double[] mu = new double[phase.model().elementCount()];
        java.util.Arrays.fill(mu, Double.NaN);
        for (int v = 0; v < species.length; v++) {
            if (species[v] >= 0) {
                mu[species[v]] = (g + grad[start + v] - sum) / sites;
            }
        }
        for (int e = 0; e < mu.length; e++) {
            if (Double.isNaN(mu[e])) {
                mu[e] = -1e7; // an element the phase cannot hold: no other phase may draw on it
            }
        }
        return mu;
    }

    /**
     * The driving force (J per mole of atoms) of a phase to form against potentials mu: the largest of
     * {@code -(G - mu.n)/atoms} over its site fractions, searched from the last minimum and the grid.
     */
    static double drivingForce(PhaseAtT phase, double[] mu, Map<Integer, double[]> warm, int index, double[] x) {
        List<double[]> starts = new ArrayList<>();
        double[] last = warm.get(index);
        if (last != null) {
            starts.add(last.clone());
        } else {
            double bestValue = Double.POSITIVE_INFINITY;
            double[] best = null;
            for (double[] y : EquilibriumSolver.grid(phase, x)) {
                double v = phase.drivingFunction(y, mu) / phase.atoms(y);
                if (v < bestValue) {
                    bestValue = v;
                    best = y;
                }
            }
            starts.add(best);
        }
        double bestDf = Double.NEGATIVE_INFINITY;
        double[] bestY = null;
        for (double[] y : starts) {
            phase.minimize(mu, y, 60);
            double df = -phase.drivingFunction(y, mu) / phase.atoms(y);
            if (df > bestDf) {
                bestDf = df;
                bestY = y;
            }
        }
        warm.put(index, bestY);
        return bestDf;
    }

    // ------------------------------------------------------------------ solidus and solvus

    /**
     * The equilibrium solidus: the temperature below which no liquid is stable.
     *
     * @throws IllegalArgumentException for a composition the data cannot take
     */
    public Solidus solidus(Composition c) {
        Prepared p = prepare(c);
        Liquidus l = new LiquidusSearch(p).run();
        return solidus(p, l);
    }

    /**
     * Liquidus (with its primary phase) and solidus together, the liquidus search done once.
     *
     * @throws IllegalArgumentException for a composition the data cannot take
     */
    public MeltingRange meltingRange(Composition c) {
        Prepared p = prepare(c);
        Liquidus l = new LiquidusSearch(p).run();
        return new MeltingRange(l, solidus(p, l));
    }

    /** The solidus search's first step down from the liquidus, and its largest step, K. */
    static final double SOLIDUS_FIRST_STEP_K = 5;
    static final double SOLIDUS_MAX_STEP_K = 80;

    Solidus solidus(Prepared p, Liquidus l) {
        if (Double.isNaN(l.tempC())) {
            return new Solidus(Double.NaN, false, p.database);
        }
        SolidState s = new SolidState(p, p.phase(LIQUID));
        double hi = l.tempC() + KELVIN;
        double fHi = s.drivingForce(hi);
        if (fHi <= 0) {
            // Liquid not favoured just at the liquidus: a congruent point, solidus = liquidus.
            return new Solidus(l.tempC(), true, p.database);
        }
        double lo = hi - SOLIDUS_FIRST_STEP_K;
        double fLo = s.drivingForce(lo);
        while (fLo > 0 && lo > p.system.lowK() + 1) {
            // The liquid's driving force falls nearly linearly with temperature: step to a little past where the
            // line through the last two points crosses zero, at least the first step and at most 80 K.
            double toZeroK = fLo * (hi - lo) / (fHi - fLo);
            double step = fHi > fLo ? Math.min(Math.max(1.1 * toZeroK + 1, SOLIDUS_FIRST_STEP_K), SOLIDUS_MAX_STEP_K) : SOLIDUS_MAX_STEP_K;
            hi = lo;
            fHi = fLo;
            lo = Math.max(lo - step, p.system.lowK());
            fLo = s.drivingForce(lo);
        }
        if (fLo > 0) {
            return new Solidus(lo - KELVIN, false, p.database);
        }
        // drivingForce is positive above the solidus: find where it crosses zero
        s.thorough = false;
        Root r = Root.find(s::drivingForce, lo, fLo, hi, fHi, TEMP_TOLERANCE_K);
        return new Solidus(r.valueK() - KELVIN, r.converged() && s.allConverged, p.database);
    }

    /**
     * The solid-state equilibrium with one phase left out, and that phase's driving force against it:
     * positive where the left-out phase would form.
     */
    final class SolidState {
        final Prepared p;
        final int probe;
        final int liquid;
        final Map<Integer, double[]> warm = new HashMap<>();
        EquilibriumSolver.Result last;
        boolean allConverged = true;
        /** While bracketing, the probe is also searched from its grid; while closing in, from its last minimum only. */
        boolean thorough = true;

        SolidState(Prepared p, int probe) {
            this.p = p;
            this.probe = probe;
            this.liquid = p.phase(LIQUID);
        }

        double drivingForce(double tempK) {
            List<PhaseAtT> phases = p.system.at(tempK);
            boolean[] suspended = new boolean[phases.size()];
            suspended[probe] = true;
            suspended[liquid] = true;
            EquilibriumSolver.Result r = EquilibriumSolver.solve(phases, p.x, suspended, last, false);
            allConverged &= r.converged();
            last = r.converged() ? r : null;
            PhaseAtT ph = phases.get(probe);
            double df = ThermoCalculator.drivingForce(ph, r.potentials(), warm, probe, p.x);
            if (thorough && df <= 0 && (probe == liquid || !ph.model().stoichiometric())) {
                // The liquid (or a solution) may first appear far from where it last was: look again from the grid.
                // (Where it already forms from its last minimum, the sign the searches go by is settled.)
                Map<Integer, double[]> fresh = new HashMap<>();
                double other = ThermoCalculator.drivingForce(ph, r.potentials(), fresh, probe, p.x);
                if (other > df) {
                    df = other;
                    warm.put(probe, fresh.get(probe));
                }
            }
            return df;
        }
    }

    /**
     * The solvus of a precipitate in this alloy: the temperature above which it is no longer stable in
     * the solid. Null (with the reason) where it stays stable up to the solidus or never forms above
     * the lowest temperature of the data.
     *
     * @throws IllegalArgumentException for a composition the data cannot take or an unknown phase
     */
    public Solvus solvus(Composition c, String phase) {
        Prepared p = prepare(c);
        Liquidus l = new LiquidusSearch(p).run();
        Solidus s = solidus(p, l);
        return solvus(p, s, phase);
    }

    /**
     * The solvus of a precipitate, with the melting range of this composition already found (by
     * {@link #meltingRange}), so that the liquidus and solidus searches are not done again.
     *
     * @throws IllegalArgumentException for a composition the data cannot take or an unknown phase
     */
    public Solvus solvus(Composition c, MeltingRange known, String phase) {
        return solvus(prepare(c), known.solidus(), phase);
    }

    Solvus solvus(Prepared p, Solidus solidus, String phase) {
        int index = p.phase(phase);
        if (index < 0 || phase.equals(LIQUID) || phase.equals(FCC)) {
            throw new IllegalArgumentException("phase must be a precipitate of this alloy's system, one of " + precipitates(p) + "; was " + phase);
        }
        SolidState s = new SolidState(p, index);
        double hi = solidus.tempC() + KELVIN - 0.01;
        double fHi = s.drivingForce(hi);
        if (fHi > 0) {
            return new Solvus(phase, null, "stable up to the solidus (" + round1(solidus.tempC()) + " °C): it forms from the liquid");
        }
        double lo = hi;
        double fLo = fHi;
        double step = 25;
        while (fLo <= 0 && lo > p.system.lowK() + 1) {
            hi = lo;
            fHi = fLo;
            lo = Math.max(lo - step, p.system.lowK());
            fLo = s.drivingForce(lo);
        }
        if (fLo <= 0) {
            return new Solvus(phase, null, "not stable at any temperature from " + round1(p.system.lowK() - KELVIN) + " °C to the solidus");
        }
        s.thorough = false;
        Root r = Root.find(s::drivingForce, lo, fLo, hi, fHi, TEMP_TOLERANCE_K);
        return new Solvus(phase, r.valueK() - KELVIN, r.converged() ? null : "the search did not close to 0.01 K");
    }

    private static List<String> precipitates(Prepared p) {
        List<String> out = new ArrayList<>();
        for (PhaseModel m : p.system.phases()) {
            if (!m.name().equals(LIQUID) && !m.name().equals(FCC)) {
                out.add(m.name());
            }
        }
        return out;
    }

    /**
     * The solvus of every precipitate that is stable in this alloy at some temperature between 200 °C
     * and the solidus (those found in equilibrium just below the solidus and at 500, 400, 300 and 200 °C).
     */
    public List<Solvus> solvuses(Composition c) {
        Prepared p = prepare(c);
        Liquidus l = new LiquidusSearch(p).run();
        Solidus s = solidus(p, l);
        Set<String> found = new LinkedHashSet<>();
        EquilibriumSolver.Result warmStart = null;
        for (double t : new double[] {s.tempC() - 1, 500, 400, 300, 200}) {
            if (t > s.tempC() - 1 + 1e-9 || t < p.system.lowK() - KELVIN) {
                continue;
            }
            List<PhaseAtT> phases = p.system.at(t + KELVIN);
            boolean[] suspended = new boolean[phases.size()];
            suspended[p.phase(LIQUID)] = true;
            EquilibriumSolver.Result r = EquilibriumSolver.solve(phases, p.x, suspended, warmStart, true);
            warmStart = r.converged() ? r : null;
            for (EquilibriumSolver.CompositionSet set : r.sets()) {
                String name = phases.get(set.phase).name();
                if (!name.equals(FCC)) {
                    found.add(name);
                }
            }
        }
        List<Solvus> out = new ArrayList<>();
        for (String phase : found) {
            out.add(solvus(p, s, phase));
        }
        return out;
    }

    // ------------------------------------------------------------------ solubility and driving force

    /**
     * Solubility of a solute in (Al) against a phase at a temperature, in the binary Al-solute system:
     * the (Al) composition of the two-phase equilibrium (Al) + phase.
     *
     * @param element Scalloy symbol, e.g. {@code Sc}
     * @param phase   e.g. {@code AL3SC}, {@code AL3ZR}, {@code AL3TI}
     * @return wt% of the solute in (Al)
     * @throws IllegalArgumentException when the element or phase is unknown, or (Al) and the phase do not
     *                                  coexist at that temperature in the binary
     */
    public double solubilityWtPct(String element, String phase, double tempC) {
        Map<String, Double> probe = new LinkedHashMap<>();
        probe.put(element, 1e-3);
        Prepared p0 = prepare(new Composition(probe, "Al"));
        checkTemperature(p0, tempC, "tempC");
        int index = p0.phase(phase);
        if (index < 0) {
            throw new IllegalArgumentException("phase must be one of " + precipitates(p0) + " for Al-" + element + ", was " + phase);
        }
        // Overall composition half-way between Al and the phase: (Al) + phase if they are neighbours.
        PhaseAtT ph = p0.system.at(tempC + KELVIN).get(index);
        double[] y = nominal(ph, p0.system.elements().indexOf(tdb(element)));
        double[] n = ph.moles(y);
        double a = ph.atoms(y);
        double[] x = new double[p0.x.length];
        int solute = p0.system.elements().indexOf(tdb(element));
        x[solute] = 0.5 * n[solute] / a;
        x[0] = 1 - x[solute];
        Prepared p = p0.with(x);
        List<PhaseAtT> phases = p.system.at(tempC + KELVIN);
        EquilibriumSolver.Result r = EquilibriumSolver.solve(phases, x, new boolean[phases.size()], null, true);
        int fcc = r.setOf(p.phase(FCC));
        if (!r.converged() || fcc < 0 || r.setOf(index) < 0) {
            throw new IllegalArgumentException("(Al) and " + phase + " are not in equilibrium in Al-" + element + " at " + tempC + " °C");
        }
        return wtPct(p, r.composition(fcc)).get(element);
    }

    /**
     * The driving force for a phase to precipitate from (Al) of a given composition: the largest
     * decrease of Gibbs energy per mole of atoms of precipitate (parallel tangent), and the
     * precipitate's composition at that largest decrease. Positive when the phase can form. What a
     * nucleation model (classical or KWN) needs for Al3Sc and Al3(Sc,Zr).
     *
     * @param matrix the (Al) composition, wt%, balance Al
     * @throws IllegalArgumentException for an unknown phase or a temperature outside the data
     */
    public DrivingForce drivingForce(Composition matrix, String phase, double tempC) {
        Prepared p = prepare(matrix);
        checkTemperature(p, tempC, "tempC");
        int index = p.phase(phase);
        if (index < 0) {
            throw new IllegalArgumentException("phase must be one of " + precipitates(p) + ", was " + phase);
        }
        List<PhaseAtT> phases = p.system.at(tempC + KELVIN);
        PhaseAtT fcc = phases.get(p.phase(FCC));
        double[] y = new double[fcc.variableCount()];
        int[] species = fcc.model().species()[0];
        for (int v = 0; v < species.length; v++) {
            y[v] = Math.max(p.x[species[v]], PhaseAtT.Y_MIN);
        }
        for (int v = species.length; v < y.length; v++) {
            y[v] = 1; // the vacancy sublattice
        }
        double[] mu = tangent(fcc, y, 0);
        Map<Integer, double[]> warm = new HashMap<>();
        double df = drivingForce(phases.get(index), mu, warm, index, p.x);
        PhaseAtT ph = phases.get(index);
        double[] yp = warm.get(index);
        double[] n = ph.moles(yp);
        double atoms = ph.atoms(yp);
        for (int e = 0; e < n.length; e++) {
            n[e] /= atoms;
        }
        Map<String, Double> muOut = new LinkedHashMap<>();
        for (int e = 0; e < mu.length; e++) {
            muOut.put(symbol(p.system.elements().get(e)), mu[e]);
        }
        return new DrivingForce(phase, tempC, df, atPct(p, n), muOut, p.database);
    }

    // ------------------------------------------------------------------ Scheil-Gulliver

    /**
     * Scheil-Gulliver solidification from the liquidus: at each temperature step the remaining liquid
     * is brought to equilibrium, the solid formed is set aside with its composition and the liquid
     * goes on with its new composition. Steps adapt (0.05-10 K) to keep each step's solid below 4 % of the alloy.
     *
     * @throws IllegalArgumentException for a composition the data cannot take
     */
    public ScheilCurve scheil(Composition c) {
        Prepared p = prepare(c);
        return scheil(p, new LiquidusSearch(p).run());
    }

    /**
     * Scheil-Gulliver solidification from a liquidus already found for this composition (by
     * {@link #liquidus} or {@link #meltingRange}), so that the search is not done twice.
     *
     * @throws IllegalArgumentException for a composition the data cannot take
     */
    public ScheilCurve scheil(Composition c, Liquidus known) {
        return scheil(prepare(c), known);
    }

    private ScheilCurve scheil(Prepared p, Liquidus l) {
        int liquid = p.phase(LIQUID);
        int fcc = p.phase(FCC);
        List<ScheilStep> steps = new ArrayList<>();
        Map<String, Double> formed = new LinkedHashMap<>();
        int n = p.x.length;
        double[] fccMoles = new double[n];
        double fccAtoms = 0;
        if (!l.converged()) {
            return new ScheilCurve(l.tempC(), l.primaryPhase(), Double.NaN, steps, formed, Map.of(), Map.of(), null, false,
                    "the liquidus was not found", p.database);
        }
        steps.add(new ScheilStep(l.tempC(), 0, List.of(LIQUID)));
        double tempK = l.tempC() + KELVIN;
        double fLiquid = 1;
        double[] xLiquid = p.x.clone();
        double dT = 0.5;
        EquilibriumSolver.Result warm = null;
        EquilibriumSolver.Result older = null;
        double lastDT = dT;
        boolean converged = true;
        String note = null;
        int count = 0;
        double endK = Double.NaN;
        Double growthRestriction = null;
        int onsetTries = 0;
        boolean atOnset = false;
        while (fLiquid > SCHEIL_END_LIQUID) {
            double nextK = tempK - dT;
            if (nextK < p.system.lowK()) {
                converged = false;
                note = "liquid is left at the lowest temperature of the data";
                break;
            }
            List<PhaseAtT> phases = p.system.at(nextK);
            boolean[] none = new boolean[phases.size()];
            EquilibriumSolver.Result start = EquilibriumSolver.extrapolate(older, warm, dT / lastDT);
            EquilibriumSolver.Result r = EquilibriumSolver.solve(phases, xLiquid, none, start, count % 8 == 0);
            if (!r.converged() && start != warm) {
                r = EquilibriumSolver.solve(phases, xLiquid, none, warm, count % 8 == 0);
            }
            if (!r.converged()) {
                r = EquilibriumSolver.solve(phases, xLiquid, none, null, true);
            }
            if (!r.converged() && dT > 0.05) {
                dT = Math.max(dT / 4, 0.05); // a smaller step starts closer to the answer
                continue;
            }
            if (!r.converged()) {
                converged = false;
                note = "the equilibrium at " + round1(nextK - KELVIN) + " °C did not converge: " + r.failure();
                break;
            }
            int k = r.setOf(liquid);
            double local = k < 0 ? 0 : r.atomFraction(k);
            double solidStep = fLiquid * (1 - local);
            if (k < 0 && dT > 0.05) {
                // The liquid is used up inside this step: close in on the invariant where it goes, by the driving
                // force of the phases it went to; trial steps cut by 4 where that cannot be followed.
                double aboveK = onsetTries++ < 2 ? onsetOfNewPhases(p, xLiquid, warm, r, nextK, tempK) : Double.NaN;
                if (aboveK < tempK - 1e-3) {
                    dT = tempK - aboveK;
                    atOnset = true;
                } else {
                    dT = Math.max(dT / 4, 0.05);
                }
                continue;
            }
            if (solidStep > SCHEIL_MAX_STEP_SOLID && dT > 0.05 && k >= 0) {
                dT = Math.max(dT / 2, 0.05);
                continue;
            }
            if (growthRestriction == null && r.setOf(fcc) >= 0) {
                growthRestriction = growthRestrictionK(p, xLiquid, tempK, nextK);
            }
            List<String> forming = new ArrayList<>();
            for (int s = 0; s < r.sets().size(); s++) {
                EquilibriumSolver.CompositionSet set = r.sets().get(s);
                if (set.phase == liquid) {
                    continue;
                }
                String name = phases.get(set.phase).name();
                double amount = fLiquid * r.atomFraction(s);
                formed.merge(name, amount, Double::sum);
                if (!forming.contains(name)) {
                    forming.add(name);
                }
                if (set.phase == fcc) {
                    double[] comp = r.composition(s);
                    for (int e = 0; e < n; e++) {
                        fccMoles[e] += amount * comp[e];
                    }
                    fccAtoms += amount;
                }
            }
            fLiquid = fLiquid * local;
            tempK = nextK;
            older = warm;
            warm = r;
            lastDT = dT;
            count++;
            if (k >= 0) {
                xLiquid = r.composition(k);
                forming.add(LIQUID);
            } else {
                endK = nextK;
            }
            steps.add(new ScheilStep(tempK - KELVIN, 1 - fLiquid, forming));
            if (k < 0) {
                break;
            }
            onsetTries = 0;
            if (atOnset) {
                // Just above the onset of the phases that take the last liquid: the next step is the smallest.
                dT = 0.05;
                atOnset = false;
            } else if (solidStep < SCHEIL_MAX_STEP_SOLID / 3) {
                dT = Math.min(dT * 1.6, 10);
            }
        }
        if (Double.isNaN(endK)) {
            endK = tempK;
        }
        Map<String, Double> retained = new LinkedHashMap<>();
        Map<String, Double> matrix = new LinkedHashMap<>();
        double alloyMass = 0;
        for (int e = 0; e < n; e++) {
            alloyMass += p.x[e] * p.massGPerMol[e];
        }
        double fccMass = 0;
        for (int e = 0; e < n; e++) {
            fccMass += fccMoles[e] * p.massGPerMol[e];
        }
        for (int e = 1; e < n; e++) {
            String el = symbol(p.system.elements().get(e));
            retained.put(el, 100 * fccMoles[e] * p.massGPerMol[e] / alloyMass);
        }
        for (int e = 0; e < n; e++) {
            matrix.put(symbol(p.system.elements().get(e)), fccMass > 0 ? 100 * fccMoles[e] * p.massGPerMol[e] / fccMass : 0);
        }
        return new ScheilCurve(l.tempC(), l.primaryPhase(), endK - KELVIN, steps, formed, retained, matrix, growthRestriction,
                converged, note, p.database);
    }

    /**
     * Where phases that took the last of the liquid in a Scheil step start to form: the temperature between
     * {@code loK} (where the equilibrium {@code used} of liquid {@code xL} holds no liquid) and {@code hiK} (the
     * last step, {@code warm}, with liquid) at which the largest driving force of the phases that are in
     * {@code used} and not in {@code warm} crosses zero, against the equilibrium with those phases left out.
     * Where the equilibrium without them loses its liquid too (or does not converge), the search closes onto the
     * last temperature with liquid instead. Returns the temperature just above (within {@link #TEMP_TOLERANCE_K}),
     * K, or NaN when there is no new phase or no bracket.
     */
    private double onsetOfNewPhases(Prepared p, double[] xL, EquilibriumSolver.Result warm, EquilibriumSolver.Result used,
            double lowK, double highK) {
        double loK = lowK;
        double hiK = highK;
        if (warm == null) {
            return Double.NaN;
        }
        int liquid = p.phase(LIQUID);
        boolean[] suspended = new boolean[p.system.phases().size()];
        Map<Integer, double[]> starts = new HashMap<>();
        for (EquilibriumSolver.CompositionSet set : used.sets()) {
            if (set.phase != liquid && warm.setOf(set.phase) < 0) {
                suspended[set.phase] = true;
                starts.put(set.phase, set.y.clone());
            }
        }
        if (starts.isEmpty()) {
            return Double.NaN;
        }
        double fHi = largestDrivingForce(warm.phases(), warm.potentials(), starts, xL);
        EquilibriumSolver.Result[] last = {warm};
        java.util.function.DoubleUnaryOperator force = tK -> {
            List<PhaseAtT> phases = p.system.at(tK);
            EquilibriumSolver.Result r = EquilibriumSolver.solve(phases, xL, suspended, last[0], false);
            if (!r.converged() || r.setOf(liquid) < 0) {
                // The liquid is used up even without them (or the equilibrium cannot be followed): past the point
                // of interest as well, so the bracket closes from below onto the last equilibrium with liquid.
                return 1;
            }
            last[0] = r;
            return largestDrivingForce(phases, r.potentials(), starts, xL);
        };
        if (!(fHi < 0)) {
            return Double.NaN;
        }
        // First a quarter of the step down, where the last of the liquid usually goes (and the equilibrium
        // without the new phases is still near the last one); the whole step only when it is not yet there.
        double midK = hiK - 0.25 * (hiK - loK);
        double fMid = force.applyAsDouble(midK);
        double fLo;
        if (fMid > 0) {
            fLo = fMid;
            loK = midK;
        } else {
            fHi = fMid;
            hiK = midK;
            fLo = force.applyAsDouble(loK);
        }
        if (!(fHi <= 0) || !(fLo > 0)) {
            return Double.NaN;
        }
        Root root = Root.find(force, loK, fLo, hiK, fHi, TEMP_TOLERANCE_K);
        if (!root.converged()) {
            return Double.NaN;
        }
        return 2 * root.valueK() - root.positiveSideK();
    }

    private static double largestDrivingForce(List<PhaseAtT> phases, double[] mu, Map<Integer, double[]> starts, double[] x) {
        double best = Double.NEGATIVE_INFINITY;
        for (int phase : new ArrayList<>(starts.keySet())) {
            best = Math.max(best, drivingForce(phases.get(phase), mu, starts, phase, x));
        }
        return best;
    }

    /** Undercooling below the (Al) liquidus at which the growth restriction factor is measured, K. */
    static final double GROWTH_RESTRICTION_STEP_K = 0.2;

    /**
     * The growth restriction factor Q (K) of (Al) growing from a liquid {@code xL}: Q = ΔT / f_s as
     * f_s → 0, with f_s the mass fraction of (Al) formed ΔT below the (Al) liquidus (Schmid-Fetzer and
     * Kozlov's thermodynamic definition; for a dilute binary it is m·c0·(k − 1)). The (Al) liquidus is
     * searched between {@code loK} (where (Al) forms) and {@code hiK}. Null when it cannot be found.
     */
    private Double growthRestrictionK(Prepared p, double[] xL, double hiK, double loK) {
        int fcc = p.phase(FCC);
        int liquid = p.phase(LIQUID);
        Map<Integer, double[]> warm = new HashMap<>();
        java.util.function.DoubleUnaryOperator force = tK -> {
            List<PhaseAtT> phases = p.system.at(tK);
            return drivingForce(phases.get(fcc), liquidPotentials(phases.get(liquid), xL), warm, fcc, xL);
        };
        double fHi = force.applyAsDouble(hiK);
        double fLo = force.applyAsDouble(loK);
        double startK;
        if (fHi >= 0) {
            startK = hiK;
        } else if (fLo > 0) {
            startK = Root.find(force, loK, fLo, hiK, fHi, TEMP_TOLERANCE_K).valueK();
        } else {
            return null;
        }
        List<PhaseAtT> phases = p.system.at(startK - GROWTH_RESTRICTION_STEP_K);
        EquilibriumSolver.Result r = EquilibriumSolver.solve(phases, xL, new boolean[phases.size()], null, true);
        int k = r.setOf(fcc);
        if (!r.converged() || k < 0) {
            return null;
        }
        double liquidMass = 0;
        double solidMass = 0;
        double[] comp = r.composition(k);
        for (int e = 0; e < xL.length; e++) {
            liquidMass += xL[e] * p.massGPerMol[e];
            solidMass += r.atomFraction(k) * comp[e] * p.massGPerMol[e];
        }
        return solidMass > 0 ? GROWTH_RESTRICTION_STEP_K * liquidMass / solidMass : null;
    }

    /**
     * The growth restriction factor Q of (Al), K (see {@link ScheilCurve#growthRestrictionK()}): from the
     * alloy's liquid when (Al) is the primary phase, else from the liquid left when (Al) starts to form on
     * the Scheil path. Null when (Al) does not form.
     *
     * @param known the liquidus of this composition
     * @throws IllegalArgumentException for a composition the data cannot take
     */
    public Double growthRestrictionK(Composition c, Liquidus known) {
        Prepared p = prepare(c);
        if (FCC.equals(known.primaryPhase())) {
            double tempK = known.tempC() + KELVIN;
            return growthRestrictionK(p, p.x, tempK, tempK - 1);
        }
        return scheil(p, known).growthRestrictionK();
    }

    /**
     * What (Al) holds in solution after solidification by a route: CAST from Scheil-Gulliver, RAPID
     * from the technique's limits (laser powder-bed fusion when {@code technique} is null), EQUILIBRIUM
     * from the (Al) of the equilibrium just below the solidus.
     *
     * @throws IllegalArgumentException for a composition the data cannot take
     */
    public SolidSolution solidSolution(Composition c, ProcessRoute route, RapidTechnique technique) {
        return solidSolution(c, route, technique, null);
    }

    /**
     * What (Al) holds after solidification by a route, as {@link #solidSolution(Composition, ProcessRoute, RapidTechnique)},
     * with the melting range of this composition already found ({@code known}, may be null).
     *
     * @throws IllegalArgumentException for a composition the data cannot take
     */
    public SolidSolution solidSolution(Composition c, ProcessRoute route, RapidTechnique technique, MeltingRange known) {
        switch (route) {
            case CAST: {
                return SolidSolution.afterScheil(known == null ? scheil(c) : scheil(c, known.liquidus()));
            }
            case EQUILIBRIUM: {
                Prepared p = prepare(c);
                Solidus so = known == null ? solidus(p, new LiquidusSearch(p).run()) : known.solidus();
                double tempK = so.tempC() + KELVIN - 0.5;
                List<PhaseAtT> phases = p.system.at(tempK);
                boolean[] suspended = new boolean[phases.size()];
                suspended[p.phase(LIQUID)] = true;
                EquilibriumSolver.Result r = EquilibriumSolver.solve(phases, p.x, suspended, null, true);
                int k = r.setOf(p.phase(FCC));
                Map<String, Double> retained = new LinkedHashMap<>();
                double alloyMass = 0;
                for (int e = 0; e < p.x.length; e++) {
                    alloyMass += p.x[e] * p.massGPerMol[e];
                }
                for (int e = 1; e < p.x.length; e++) {
                    double moles = k < 0 ? 0 : r.atomFraction(k) * r.composition(k)[e];
                    retained.put(symbol(p.system.elements().get(e)), 100 * moles * p.massGPerMol[e] / alloyMass);
                }
                return new SolidSolution(route, retained, Message.of("solid.equilibrium", "equilibrium (lever rule): (Al) at "
                        + round1(so.tempC() - 0.5) + " °C, just below the solidus", Math.round((so.tempC() - 0.5) * 10) / 10.0), p.database);
            }
            default: {
                RapidTechnique t = technique == null ? RapidTechnique.LASER_POWDER_BED_FUSION : technique;
                Map<String, Double> retained = new LinkedHashMap<>();
                List<Message> limits = new ArrayList<>();
                for (Map.Entry<String, Double> e : c.wtPct().entrySet()) {
                    RapidLimits.Limit limit = RapidLimits.standard().limit(t, e.getKey());
                    if (limit == null) {
                        retained.put(e.getKey(), e.getValue());
                    } else {
                        retained.put(e.getKey(), Math.min(e.getValue(), limit.limitWtPct()));
                        limits.add(Message.of("solid.rapid.limit", e.getKey() + " up to " + limit.limitWtPct() + " wt% [" + limit.tag() + "] "
                                + limit.source(), e.getKey(), limit.limitWtPct(), limit.tag(), limit.source()));
                    }
                }
                String english = "rapid solidification, " + t.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + ": solutes kept in solution up to the technique's limits";
                return new SolidSolution(route, retained, limits.isEmpty() ? Message.of("solid.rapid", english, t)
                        : Message.of("solid.rapid.limited", english + " (" + Message.joined(limits).english() + ")", t, Message.joined(limits)),
                        null);
            }
        }
    }

    /**
     * Site fractions at a compound's nominal composition in a binary Al-solute system: a one-sublattice
     * phase is the solute's; in a sublattice shared with Al, Al; otherwise the solute.
     */
    static double[] nominal(PhaseAtT ph, int solute) {
        int[][] species = ph.model().species();
        int[] st = ph.model().sublatticeStart();
        double[] y = new double[ph.variableCount()];
        for (int s = 0; s < species.length; s++) {
            int pick = 0;
            boolean hasAl = false;
            for (int j = 0; j < species[s].length; j++) {
                hasAl |= species[s][j] == 0;
            }
            for (int j = 0; j < species[s].length; j++) {
                int e = species[s][j];
                boolean want = species.length == 1 ? e == solute : (hasAl ? e == 0 : e == solute);
                if (want) {
                    pick = j;
                }
            }
            for (int j = 0; j < species[s].length; j++) {
                y[st[s] + j] = j == pick ? 1 - 1e-9 * (species[s].length - 1) : 1e-9;
            }
        }
        return y;
    }

    // ------------------------------------------------------------------ binary invariants

    /**
     * The invariant of the binary Al-solute system where the liquid, (Al) and a phase meet: the
     * temperature where the liquid touches the common tangent of (Al) and the phase, searched downward
     * from 1100 K in 5 K steps, then closed to 0.005 K.
     *
     * @throws IllegalArgumentException for an unknown element or phase, or when no such invariant is found
     */
    public Invariant binaryInvariant(String element, String phase) {
        Map<String, Double> probe = new LinkedHashMap<>();
        probe.put(element, 1e-3);
        Prepared p0 = prepare(new Composition(probe, "Al"));
        int index = p0.phase(phase);
        if (index < 0) {
            throw new IllegalArgumentException("phase must be one of " + precipitates(p0) + " for Al-" + element + ", was " + phase);
        }
        int solute = p0.system.elements().indexOf(tdb(element));
        PhaseAtT ph = p0.system.at(900).get(index);
        double[] y = nominal(ph, solute);
        double xPhase = ph.moles(y)[solute] / ph.atoms(y);
        double[] x = new double[p0.x.length];
        x[solute] = 0.75 * xPhase;
        x[0] = 1 - x[solute];
        Prepared p = p0.with(x);
        int liquid = p.phase(LIQUID);
        SolidState s = new SolidState(p, liquid);
        double hi = 1100;
        double fHi = s.drivingForce(hi);
        double lo = hi;
        double fLo = fHi;
        while (fLo > 0 && lo > 500) {
            hi = lo;
            fHi = fLo;
            lo -= 5;
            fLo = s.drivingForce(lo);
        }
        if (fHi <= 0 || fLo > 0) {
            throw new IllegalArgumentException("no invariant with the liquid, (Al) and " + phase + " between 500 and 1100 K in Al-" + element);
        }
        Root r = Root.find(s::drivingForce, lo, fLo, hi, fHi, TEMP_TOLERANCE_K);
        s.drivingForce(r.valueK());
        int fcc = s.last.setOf(p.phase(FCC));
        if (fcc < 0 || s.last.setOf(index) < 0) {
            throw new IllegalArgumentException("(Al) and " + phase + " do not coexist at the invariant of Al-" + element);
        }
        PhaseAtT liq = p.system.at(r.valueK()).get(liquid);
        double[] yl = s.warm.get(liquid);
        double[] nl = liq.moles(yl);
        double al = liq.atoms(yl);
        for (int e = 0; e < nl.length; e++) {
            nl[e] /= al;
        }
        return new Invariant("Al-" + element, phase, r.valueK() - KELVIN, wtPct(p, nl).get(element),
                wtPct(p, s.last.composition(fcc)).get(element), p.database);
    }
}
