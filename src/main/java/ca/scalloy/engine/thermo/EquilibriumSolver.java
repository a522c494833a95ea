package ca.scalloy.engine.thermo;

import java.util.ArrayList;
import java.util.List;

/**
 * Minimises the Gibbs energy of a {@link ThermoSystem} at fixed temperature, pressure and overall
 * composition.
 *
 * <p>Method (as pycalphad and Thermo-Calc's global minimisation do, in two stages):
 * <ol>
 * <li>Global: every phase is sampled on a grid of site fractions; the lower convex hull of those points
 * at the alloy's composition (a small linear program, {@link Simplex}) gives the chemical potentials;
 * each phase is then minimised against them (Newton on its site fractions) and the minimum added as a
 * new point, until no phase lies below the hull (column generation).</li>
 * <li>Refinement: with the phases on the hull, Newton-Raphson on the chemical potentials and the phase
 * amounts (each phase at the minimum of {@code G - mu.n} for the current potentials, its composition's
 * response to the potentials from its Hessian) until every phase touches the common tangent plane and
 * the mass balance holds to 1e-12. Phases whose amount goes negative leave; afterwards every other phase
 * is checked for a negative driving force (from its last point and, in a global check, from its grid)
 * and added if it has one.</li>
 * </ol>
 * A result that does not meet the tolerances says so ({@link Result#converged()} false, with the reason).
 */
final class EquilibriumSolver {

    /** Tolerance on each phase's distance from the tangent plane, in units of RT per formula unit. */
    static final double TANGENT_TOLERANCE_RT = 1e-9;
    /** Tolerance on the mass balance, mole fraction. */
    static final double MASS_TOLERANCE = 1e-12;
    /**
     * Residuals below which the Newton step in hand is the last one (its result is not evaluated again): with
     * quadratic convergence the residual after it is of the order of their square, far below the tolerances.
     */
    static final double LAST_STEP_TANGENT_RT = 1e-5;
    static final double LAST_STEP_MASS = 1e-8;
    /** A phase below the tangent plane by more than this (RT per mole of atoms) is added. */
    static final double DRIVING_TOLERANCE_RT = 1e-8;
    /** In the hull search, a phase whose best point lies this far above the hull (RT per atom) is not refined. */
    static final double HULL_MARGIN_RT = 1.0;
    /** In a warm check, a phase whose last minimum lies this far above the tangent plane (RT per atom) is not minimised again. */
    static final double HINT_MARGIN_RT = 0.25;

    /** One composition set: a phase, its site fractions and its amount in formula units. */
    static final class CompositionSet {
        final int phase;
        final double[] y;
        double formulaMoles;

        CompositionSet(int phase, double[] y, double formulaMoles) {
            this.phase = phase;
            this.y = y;
            this.formulaMoles = formulaMoles;
        }

        CompositionSet copy() {
            return new CompositionSet(phase, y.clone(), formulaMoles);
        }
    }

    /** The equilibrium, or the best state reached with the reason it is not one. */
    record Result(double tempK, double[] moleFractions, double[] potentials, List<CompositionSet> sets, List<PhaseAtT> phases,
            boolean converged, String failure, int iterations, double[][] hints) {

        /** Moles of atoms in set k per mole of atoms of the alloy. */
        double atomFraction(int k) {
            CompositionSet s = sets.get(k);
            return s.formulaMoles * phases.get(s.phase).atoms(s.y);
        }

        /** Mole fractions of the elements in set k. */
        double[] composition(int k) {
            CompositionSet s = sets.get(k);
            PhaseAtT p = phases.get(s.phase);
            double[] n = p.moles(s.y);
            double atoms = p.atoms(s.y);
            for (int e = 0; e < n.length; e++) {
                n[e] /= atoms;
            }
            return n;
        }

        /** The index of the set of a phase (the largest if several), or -1. */
        int setOf(int phase) {
            int best = -1;
            for (int k = 0; k < sets.size(); k++) {
                if (sets.get(k).phase == phase && (best < 0 || atomFraction(k) > atomFraction(best))) {
                    best = k;
                }
            }
            return best;
        }
    }

    private EquilibriumSolver() {
    }

    /**
     * The equilibrium of {@code phases} (one system at one temperature) at overall mole fractions
     * {@code x}, phases with {@code suspended[i]} left out. {@code warm} (may be null) is a previous
     * result of the same system to start from; {@code globalCheck} searches every phase's grid for a
     * negative driving force at the end (always done without a warm start).
     */
    static Result solve(List<PhaseAtT> phases, double[] x, boolean[] suspended, Result warm, boolean globalCheck) {
        if (warm != null && !warm.sets().isEmpty()) {
            List<CompositionSet> sets = new ArrayList<>();
            for (CompositionSet s : warm.sets()) {
                if (!suspended[s.phase]) {
                    sets.add(s.copy());
                }
            }
            if (!sets.isEmpty()) {
                double[][] hints = new double[phases.size()][];
                for (int i = 0; i < hints.length && i < warm.hints().length; i++) {
                    hints[i] = warm.hints()[i] == null ? null : warm.hints()[i].clone();
                }
                Result r = refineAndCheck(phases, x, suspended, sets, warm.potentials().clone(),
                        globalCheck ? gridCandidates(phases, x) : null, hints, 0);
                if (r.converged()) {
                    return r;
                }
            }
        }
        Result quick = cold(phases, x, suspended, 8, 1e-3);
        if (quick.converged()) {
            return quick;
        }
        // The quick hull left the refinement too far out: finish the hull properly first.
        return cold(phases, x, suspended, 60, 1e-9);
    }

    /**
     * From scratch: the hull search with {@code hullNewtonSteps} Newton steps per phase and iteration,
     * stopped when its phases stay the same and the hull's energy changes by less than
     * {@code settledRt} RT, then the refinement.
     */
    private static Result cold(List<PhaseAtT> phases, double[] x, boolean[] suspended, int hullNewtonSteps, double settledRt) {
        int c = x.length;
        Simplex lp = new Simplex(x);
        List<int[]> owner = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (int e = 0; e < c; e++) {
            owner.add(new int[] {-1});
            points.add(null);
        }
        for (int i = 0; i < phases.size(); i++) {
            if (suspended[i]) {
                continue;
            }
            PhaseAtT p = phases.get(i);
            for (double[] y : grid(p, x)) {
                addColumn(lp, owner, points, p, i, y);
            }
        }
        double[] mu = null;
        int iterations = 0;
        double lastObjective = Double.POSITIVE_INFINITY;
        String lastPhaseSet = "";
        for (int it = 0; it < 40; it++) {
            iterations++;
            if (!lp.solve()) {
                return failed(phases, x, "the convex-hull search did not finish", iterations);
            }
            mu = lp.potentials();
            double objective = 0;
            for (int e = 0; e < c; e++) {
                objective += mu[e] * x[e];
            }
            int added = 0;
            for (int i = 0; i < phases.size(); i++) {
                if (suspended[i]) {
                    continue;
                }
                PhaseAtT p = phases.get(i);
                if (p.model().stoichiometric()) {
                    continue;
                }
                int bestColumn = -1;
                double bestCost = Double.POSITIVE_INFINITY;
                for (int k = c; k < lp.size(); k++) {
                    if (owner.get(k)[0] == i) {
                        double r = lp.reducedCost(k);
                        if (r < bestCost) {
                            bestCost = r;
                            bestColumn = k;
                        }
                    }
                }
                // Phases far above the hull are not worth a Newton search here; the final check looks at all.
                if (bestCost > HULL_MARGIN_RT * p.rt()) {
                    continue;
                }
                double[] y = points.get(bestColumn).clone();
                // A few Newton steps find a point below the hull if there is one; the refinement finishes the job.
                PhaseAtT.Minimum min = p.minimize(mu, y, hullNewtonSteps);
                if (min.value() / p.atoms(y) < -DRIVING_TOLERANCE_RT * p.rt()) {
                    addColumn(lp, owner, points, p, i, y);
                    added++;
                }
            }
            String phaseSet = hullPhases(lp, owner);
            if (added == 0 || (Math.abs(lastObjective - objective) < settledRt * p(phases).rt() && phaseSet.equals(lastPhaseSet))) {
                break;
            }
            lastObjective = objective;
            lastPhaseSet = phaseSet;
        }
        // Composition sets from the hull: basic columns re-minimised at the potentials, merged per phase.
        int[] basis = lp.basis();
        double[] amounts = lp.amounts();
        List<CompositionSet> sets = new ArrayList<>();
        List<double[]> setX = new ArrayList<>();
        List<Double> setAtoms = new ArrayList<>();
        for (int b = 0; b < basis.length; b++) {
            if (amounts[b] <= 1e-15) {
                continue;
            }
            if (lp.artificial(basis[b])) {
                if (amounts[b] > 1e-12) {
                    return failed(phases, x, "no phase of the data can hold this composition", iterations);
                }
                continue;
            }
            int phase = owner.get(basis[b])[0];
            PhaseAtT p = phases.get(phase);
            double[] y = points.get(basis[b]).clone();
            double[] n = normalised(p, y);
            int same = -1;
            for (int k = 0; k < sets.size(); k++) {
                if (sets.get(k).phase == phase && distance(setX.get(k), n) < 0.05) {
                    same = k;
                }
            }
            if (same >= 0) {
                // The hull mixes nearby points of one phase: the phase sits at their weighted mean.
                double w0 = setAtoms.get(same);
                double w1 = amounts[b];
                double[] x0 = setX.get(same);
                for (int e = 0; e < c; e++) {
                    x0[e] = (w0 * x0[e] + w1 * n[e]) / (w0 + w1);
                }
                double[] y0 = sets.get(same).y;
                if (w1 > w0) {
                    System.arraycopy(y, 0, y0, 0, y.length);
                }
                setAtoms.set(same, w0 + w1);
            } else {
                sets.add(new CompositionSet(phase, y, 0));
                setX.add(n);
                setAtoms.add(amounts[b]);
            }
        }
        for (int k = 0; k < sets.size(); k++) {
            placeAt(phases.get(sets.get(k).phase), sets.get(k).y, setX.get(k));
        }
        for (int k = 0; k < sets.size(); k++) {
            CompositionSet s = sets.get(k);
            s.formulaMoles = setAtoms.get(k) / phases.get(s.phase).atoms(s.y);
        }
        double[][] hints = new double[phases.size()][];
        double[] bestCost = new double[phases.size()];
        java.util.Arrays.fill(bestCost, Double.POSITIVE_INFINITY);
        for (int k = c; k < lp.size(); k++) {
            int ph = owner.get(k)[0];
            double r = lp.reducedCost(k);
            if (r < bestCost[ph]) {
                bestCost[ph] = r;
                hints[ph] = points.get(k);
            }
        }
        final List<int[]> columnOwner = owner;
        final List<double[]> columnPoints = points;
        final Simplex hull = lp;
        Candidates fromHull = (phase, potentials) -> {
            // The hull's own points (grid and refinements) at the final potentials: no energy is computed again.
            List<double[]> out = new ArrayList<>();
            PhaseAtT p = phases.get(phase);
            for (int k = c; k < hull.size(); k++) {
                if (columnOwner.get(k)[0] == phase) {
                    double[] y = columnPoints.get(k);
                    out.add(y);
                }
            }
            return out;
        };
        return refineAndCheck(phases, x, suspended, sets, mu, fromHull, hints, iterations);
    }

    private static String hullPhases(Simplex lp, List<int[]> owner) {
        java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
        double[] amounts = lp.amounts();
        int[] basis = lp.basis();
        for (int b = 0; b < basis.length; b++) {
            if (amounts[b] > 1e-12) {
                set.add(owner.get(basis[b])[0]);
            }
        }
        return set.toString();
    }

    /** For a phase with one mixing sublattice of elements, site fractions that give composition x. */
    private static void placeAt(PhaseAtT p, double[] y, double[] x) {
        int[][] species = p.model().species();
        int[] st = p.model().sublatticeStart();
        int free = -1;
        for (int s = 0; s < species.length; s++) {
            if (species[s].length > 1) {
                if (free >= 0) {
                    return;
                }
                free = s;
            }
        }
        if (free < 0) {
            return;
        }
        double sum = 0;
        for (int j = 0; j < species[free].length; j++) {
            if (species[free][j] < 0) {
                return;
            }
            sum += x[species[free][j]];
        }
        for (int j = 0; j < species[free].length; j++) {
            y[st[free] + j] = Math.max(x[species[free][j]] / sum, PhaseAtT.Y_MIN);
        }
    }

    private static PhaseAtT p(List<PhaseAtT> phases) {
        return phases.get(0);
    }

    private static void addColumn(Simplex lp, List<int[]> owner, List<double[]> points, PhaseAtT p, int phase, double[] y) {
        double g = p.energy(y, null, null);
        double atoms = p.atoms(y);
        if (!(atoms > 1e-12) || !Double.isFinite(g)) {
            return;
        }
        double[] n = p.moles(y);
        for (int e = 0; e < n.length; e++) {
            n[e] /= atoms;
        }
        lp.add(n, g / atoms);
        owner.add(new int[] {phase});
        points.add(y.clone());
    }

    private static double distance(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    /** Site-fraction grid of a phase: dominant-constituent corners, the alloy's own mix, and Al-X binaries. */
    static List<double[]> grid(PhaseAtT p, double[] x) {
        PhaseModel model = p.model();
        List<double[]> out = new ArrayList<>();
        int[][] species = model.species();
        int[] st = model.sublatticeStart();
        int m = model.variableCount();
        if (model.stoichiometric()) {
            double[] y = new double[m];
            java.util.Arrays.fill(y, 1);
            out.add(y);
            return out;
        }
        List<Integer> freeSubs = new ArrayList<>();
        long combos = 1;
        for (int s = 0; s < species.length; s++) {
            if (species[s].length > 1) {
                freeSubs.add(s);
                combos *= species[s].length;
            }
        }
        if (combos <= 64) {
            int[] choice = new int[freeSubs.size()];
            for (long k = 0; k < combos; k++) {
                long rest = k;
                for (int f = 0; f < freeSubs.size(); f++) {
                    int len = species[freeSubs.get(f)].length;
                    choice[f] = (int) (rest % len);
                    rest /= len;
                }
                double[] y = base(p, x);
                for (int f = 0; f < freeSubs.size(); f++) {
                    int s = freeSubs.get(f);
                    dominate(y, st[s], st[s + 1], st[s] + choice[f], 0.98);
                }
                out.add(y);
            }
        } else {
            for (int e = 0; e < x.length; e++) {
                out.add(p.start(x, e));
            }
        }
        out.add(base(p, x));
        if (freeSubs.size() == 1 && species[freeSubs.get(0)].length >= 3) {
            int s = freeSubs.get(0);
            for (int j = 1; j < species[s].length; j++) {
                for (double f : new double[] {0.995, 0.97, 0.9, 0.75, 0.5}) {
                    double[] y = base(p, x);
                    for (int v = st[s]; v < st[s + 1]; v++) {
                        y[v] = 1e-6;
                    }
                    y[st[s]] = f;
                    y[st[s] + j] = 1 - f;
                    normalise(y, st[s], st[s + 1]);
                    out.add(y);
                }
            }
        }
        return out;
    }

    private static double[] base(PhaseAtT p, double[] x) {
        return p.start(x, -2);
    }

    private static void dominate(double[] y, int from, int to, int v, double share) {
        double others = 0;
        for (int i = from; i < to; i++) {
            if (i != v) {
                others += y[i];
            }
        }
        for (int i = from; i < to; i++) {
            y[i] = i == v ? share : (1 - share) * (others > 0 ? y[i] / others : 1.0 / (to - from - 1));
            y[i] = Math.max(y[i], 1e-9);
        }
        normalise(y, from, to);
    }

    private static void normalise(double[] y, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += y[i];
        }
        for (int i = from; i < to; i++) {
            y[i] /= sum;
        }
    }

    private static Result failed(List<PhaseAtT> phases, double[] x, String why, int iterations) {
        return new Result(phases.get(0).tempK(), x.clone(), new double[x.length], List.of(), phases, false, why, iterations,
                new double[phases.size()][]);
    }

    /** Where a global check looks for a phase's other minima: candidate site fractions for a phase. */
    interface Candidates {
        List<double[]> of(int phase, double[] mu);
    }

    private static Candidates gridCandidates(List<PhaseAtT> phases, double[] x) {
        return (phase, mu) -> grid(phases.get(phase), x);
    }

    private static Result refineAndCheck(List<PhaseAtT> phases, double[] x, boolean[] suspended, List<CompositionSet> sets, double[] mu,
            Candidates global, double[][] hints, int iterationsSoFar) {
        int iterations = iterationsSoFar;
        for (int round = 0; round < 8; round++) {
            List<CompositionSet> backup = new ArrayList<>();
            for (CompositionSet cs : sets) {
                backup.add(cs.copy());
            }
            double[] muBackup = mu.clone();
            Refined r = newton(phases, x, sets, mu);
            if (!r.converged) {
                sets.clear();
                sets.addAll(backup);
                System.arraycopy(muBackup, 0, mu, 0, mu.length);
                r = refine(phases, x, sets, mu);
            }
            iterations += r.iterations;
            if (!r.converged) {
                return new Result(phases.get(0).tempK(), x.clone(), mu, sets, phases, false, r.failure, iterations, hints);
            }
            CompositionSet add = mostNegative(phases, x, suspended, sets, mu, round == 0 ? global : null, hints);
            if (add == null) {
                for (CompositionSet cs : sets) {
                    hints[cs.phase] = cs.y.clone();
                }
                return new Result(phases.get(0).tempK(), x.clone(), mu, sets, phases, true, null, iterations, hints);
            }
            if (sets.size() >= x.length) {
                pivotIn(phases, sets, add);
            } else {
                sets.add(add);
            }
        }
        return new Result(phases.get(0).tempK(), x.clone(), mu, sets, phases, false,
                "the set of stable phases did not settle after 8 rounds", iterations, hints);
    }

    /**
     * The phase furthest below the tangent plane (as a new composition set with no amount), or null.
     * Each phase is minimised from its hint (its last minimum); with a global source, also from every
     * candidate point that lies below the plane (and, for a phase with no hint, the best candidate).
     */
    private static CompositionSet mostNegative(List<PhaseAtT> phases, double[] x, boolean[] suspended, List<CompositionSet> sets,
            double[] mu, Candidates global, double[][] hints) {
        CompositionSet best = null;
        double bestValue = 0;
        for (int i = 0; i < phases.size(); i++) {
            if (suspended[i]) {
                continue;
            }
            PhaseAtT p = phases.get(i);
            boolean present = false;
            for (CompositionSet s : sets) {
                present |= s.phase == i;
            }
            List<double[]> starts = new ArrayList<>();
            if (!present && hints[i] != null) {
                // The hint is last step's minimum: a phase this far above the plane there cannot reach
                // it within one step (the global check, when asked for, still looks everywhere).
                if (global == null && p.drivingFunction(hints[i], mu) / p.atoms(hints[i]) > HINT_MARGIN_RT * p.rt()) {
                    continue;
                }
                starts.add(hints[i].clone());
            }
            if (global != null || (!present && hints[i] == null)) {
                List<double[]> candidates = global != null ? global.of(i, mu) : grid(p, x);
                double[] lowest = null;
                double lowestValue = Double.POSITIVE_INFINITY;
                for (double[] y : candidates) {
                    double v = p.drivingFunction(y, mu) / p.atoms(y);
                    if (v < 0) {
                        starts.add(y.clone());
                    }
                    if (v < lowestValue) {
                        lowestValue = v;
                        lowest = y;
                    }
                }
                if (!present && starts.isEmpty() && lowest != null) {
                    starts.add(lowest.clone());
                }
            }
            double phaseBest = Double.POSITIVE_INFINITY;
            for (double[] y : starts) {
                p.minimize(mu, y, 40);
                double d = p.drivingFunction(y, mu) / p.atoms(y);
                if (!present && d < phaseBest) {
                    phaseBest = d;
                    hints[i] = y;
                }
                if (d < -DRIVING_TOLERANCE_RT * p.rt() && d < bestValue && (!present || farFromSets(phases, sets, i, y))) {
                    bestValue = d;
                    best = new CompositionSet(i, y.clone(), 0);
                }
                if (p.model().stoichiometric()) {
                    break;
                }
            }
        }
        return best;
    }

    private static boolean farFromSets(List<PhaseAtT> phases, List<CompositionSet> sets, int phase, double[] y) {
        PhaseAtT p = phases.get(phase);
        double[] n = normalised(p, y);
        for (CompositionSet s : sets) {
            if (s.phase == phase && distance(normalised(p, s.y), n) < 1e-2) {
                return false;
            }
        }
        return true;
    }

    private static double[] normalised(PhaseAtT p, double[] y) {
        double[] n = p.moles(y);
        double a = p.atoms(y);
        for (int e = 0; e < n.length; e++) {
            n[e] /= a;
        }
        return n;
    }

    private record Refined(boolean converged, String failure, int iterations) {
    }

    /**
     * Newton-Raphson on all unknowns at once: each set's site fractions (reduced), the potentials and
     * the amounts; sets and mu are updated in place.
     */
    private static Refined newton(List<PhaseAtT> phases, double[] x, List<CompositionSet> sets, double[] mu) {
        int c = x.length;
        double rt = phases.get(0).rt();
        for (int it = 1; it <= 60; it++) {
            int p = sets.size();
            PhaseAtT.Reduced[] red = new PhaseAtT.Reduced[p];
            double[][] n = new double[p][];
            double[] f = new double[p];
            int[] offset = new int[p + 1];
            double worst = 0;
            for (int k = 0; k < p; k++) {
                CompositionSet s = sets.get(k);
                PhaseAtT ph = phases.get(s.phase);
                int m = ph.variableCount();
                double[] grad = new double[m];
                double[] hess = new double[m * m];
                double g = ph.energy(s.y, grad, hess);
                red[k] = ph.new Reduced(s.y, grad, hess);
                n[k] = ph.moles(s.y);
                f[k] = g;
                for (int e = 0; e < c; e++) {
                    f[k] -= mu[e] * n[k][e];
                }
                offset[k + 1] = offset[k] + red[k].size;
                worst = Math.max(worst, Math.abs(f[k]));
            }
            // Schur complement: each set's site-fraction step is d_k = Z_k dmu - w_k with
            // Z_k = H_k^-1 N_k^T and w_k = H_k^-1 s_k (s_k its stationarity residual), which leaves a
            // (c + p) system in dmu and the amounts.
            int size = c + p;
            double[] jac = new double[size * size];
            double[] rhs = new double[size];
            double[][] zs = new double[p][];
            double[][] ws = new double[p][];
            double[][][] nr = new double[p][][];
            double[] massResidual = massResidual(x, sets, n);
            for (int k = 0; k < p; k++) {
                PhaseAtT.Reduced r = red[k];
                int rk = r.size;
                nr[k] = r.molesJacobian();
                double[] stat = new double[rk];
                for (int i = 0; i < rk; i++) {
                    double v = r.gradient[i];
                    for (int e = 0; e < c; e++) {
                        v -= nr[k][e][i] * mu[e];
                    }
                    stat[i] = v;
                    worst = Math.max(worst, Math.abs(v));
                }
                double[] z = new double[rk * c];
                double[] w = stat.clone();
                if (rk > 0) {
                    double[] l = new double[rk * rk];
                    double shift = 0;
                    while (!Linear.cholesky(r.hessian, rk, shift, l)) {
                        shift = shift == 0 ? 1e-9 * rt : shift * 10;
                    }
                    Linear.choleskySolve(l, rk, w);
                    for (int e = 0; e < c; e++) {
                        double[] col = new double[rk];
                        for (int i = 0; i < rk; i++) {
                            col[i] = nr[k][e][i];
                        }
                        Linear.choleskySolve(l, rk, col);
                        for (int i = 0; i < rk; i++) {
                            z[i * c + e] = col[i];
                        }
                    }
                }
                zs[k] = z;
                ws[k] = w;
                // tangent row k: (Z_k^T s_k - n_k) . dmu = -F_k + s_k . w_k
                double sw = 0;
                for (int i = 0; i < rk; i++) {
                    sw += stat[i] * w[i];
                }
                for (int e = 0; e < c; e++) {
                    double zs2 = 0;
                    for (int i = 0; i < rk; i++) {
                        zs2 += z[i * c + e] * stat[i];
                    }
                    jac[k * size + e] = zs2 - n[k][e];
                }
                rhs[k] = -f[k] + sw;
            }
            double worstMass = 0;
            for (int e = 0; e < c; e++) {
                int row = p + e;
                double extra = 0;
                for (int k = 0; k < p; k++) {
                    double mk = sets.get(k).formulaMoles;
                    int rk = red[k].size;
                    for (int g = 0; g < c; g++) {
                        double sNz = 0;
                        for (int i = 0; i < rk; i++) {
                            sNz += nr[k][e][i] * zs[k][i * c + g];
                        }
                        jac[row * size + g] += mk * sNz;
                    }
                    double nw = 0;
                    for (int i = 0; i < rk; i++) {
                        nw += nr[k][e][i] * ws[k][i];
                    }
                    extra += mk * nw;
                    jac[row * size + c + k] = n[k][e];
                }
                rhs[row] = -massResidual[e] + extra;
                worstMass = Math.max(worstMass, Math.abs(massResidual[e]));
            }
            if (worst < TANGENT_TOLERANCE_RT * rt && worstMass < MASS_TOLERANCE) {
                // Converged: a phase that ended with a negative amount leaves, and the rest is solved again.
                int negative = -1;
                for (int k = 0; k < p; k++) {
                    double m0 = sets.get(k).formulaMoles;
                    if (m0 < -1e-14 && (negative < 0 || m0 < sets.get(negative).formulaMoles)) {
                        negative = k;
                    }
                }
                if (negative < 0 || p == 1) {
                    for (CompositionSet s : sets) {
                        s.formulaMoles = Math.max(0, s.formulaMoles);
                    }
                    return new Refined(true, null, it);
                }
                sets.remove(negative);
                continue;
            }
            // Close enough that one full Newton step lands within the tolerances (quadratic convergence: the residual
            // after it is about the square of this one): take it and stop, without evaluating the phases again.
            boolean last = worst < LAST_STEP_TANGENT_RT * rt && worstMass < LAST_STEP_MASS;
            if (!Linear.solve(jac, size, rhs, 1)) {
                if (p > 1) {
                    removeSmallest(phases, sets);
                    continue;
                }
                return new Refined(false, "the Newton-Raphson matrix is singular", it);
            }
            double alpha = 1;
            double[][] dy = new double[p][];
            for (int k = 0; k < p; k++) {
                int rk = red[k].size;
                double[] step = new double[rk];
                for (int i = 0; i < rk; i++) {
                    double v = -ws[k][i];
                    for (int e = 0; e < c; e++) {
                        v += zs[k][i * c + e] * rhs[e];
                    }
                    step[i] = v;
                }
                dy[k] = red[k].expand(step);
                double[] y = sets.get(k).y;
                for (int v = 0; v < y.length; v++) {
                    if (y[v] <= 1e-28 && dy[k][v] < 0) {
                        dy[k][v] = 0;
                    }
                    if (dy[k][v] < 0) {
                        alpha = Math.min(alpha, 0.9 * y[v] / -dy[k][v]);
                    }
                }
            }
            double maxMu = 0;
            for (int e = 0; e < c; e++) {
                maxMu = Math.max(maxMu, Math.abs(rhs[e]));
            }
            if (maxMu * alpha > 2 * rt) {
                alpha = 2 * rt / maxMu;
            }
            for (int k = 0; k < p; k++) {
                CompositionSet s = sets.get(k);
                for (int v = 0; v < s.y.length; v++) {
                    s.y[v] = Math.max(s.y[v] + alpha * dy[k][v], PhaseAtT.Y_MIN);
                }
                s.formulaMoles += alpha * rhs[c + k];
            }
            for (int e = 0; e < c; e++) {
                mu[e] += alpha * rhs[e];
            }
            if (last && alpha == 1) {
                boolean negative = false;
                for (CompositionSet cs : sets) {
                    negative |= cs.formulaMoles < -1e-14;
                }
                if (!negative) {
                    return new Refined(true, null, it);
                }
            }
            // A phase far below zero is not coming back: drop it now rather than at the end.
            for (int k = sets.size() - 1; k >= 0 && sets.size() > 1; k--) {
                if (sets.get(k).formulaMoles < -0.5) {
                    sets.remove(k);
                }
            }
        }
        return new Refined(false, "Newton-Raphson did not converge in 60 iterations", 60);
    }

    /** Newton-Raphson on potentials and amounts; sets and mu are updated in place. */
    private static Refined refine(List<PhaseAtT> phases, double[] x, List<CompositionSet> sets, double[] mu) {
        int c = x.length;
        double rt = phases.get(0).rt();
        String lastProblem = "Newton-Raphson did not converge in 80 iterations";
        for (int it = 1; it <= 80; it++) {
            int p = sets.size();
            double[][] n = new double[p][];
            double[] f = new double[p];
            double[][] sens = new double[p][];
            double worstTangent = 0;
            for (int k = 0; k < p; k++) {
                CompositionSet s = sets.get(k);
                PhaseAtT ph = phases.get(s.phase);
                PhaseAtT.Minimum min = ph.minimize(mu, s.y, 60);
                f[k] = min.value();
                n[k] = ph.moles(s.y);
                sens[k] = sensitivity(ph, s.y);
                worstTangent = Math.max(worstTangent, Math.abs(f[k]));
            }
            double worstMass = 0;
            double[] massResidual = massResidual(x, sets, n);
            for (double r : massResidual) {
                worstMass = Math.max(worstMass, Math.abs(r));
            }
            if (worstTangent < TANGENT_TOLERANCE_RT * rt && worstMass < MASS_TOLERANCE) {
                boolean negative = false;
                for (CompositionSet s : sets) {
                    negative |= s.formulaMoles < 0;
                }
                if (!negative) {
                    return new Refined(true, null, it);
                }
            }
            int size = c + p;
            double[] jac = new double[size * size];
            double[] rhs = new double[size];
            for (int k = 0; k < p; k++) {
                for (int e = 0; e < c; e++) {
                    jac[k * size + e] = -n[k][e];
                }
                rhs[k] = -f[k];
            }
            for (int e = 0; e < c; e++) {
                int row = p + e;
                for (int g = 0; g < c; g++) {
                    double s = 0;
                    for (int k = 0; k < p; k++) {
                        s += sets.get(k).formulaMoles * sens[k][e * c + g];
                    }
                    jac[row * size + g] = s;
                }
                for (int k = 0; k < p; k++) {
                    jac[row * size + c + k] = n[k][e];
                }
                rhs[row] = -massResidual[e];
            }
            if (!Linear.solve(jac, size, rhs, 1)) {
                if (p > 1) {
                    removeSmallest(phases, sets);
                    lastProblem = "the phase set was degenerate";
                    continue;
                }
                return new Refined(false, "the Newton-Raphson matrix is singular", it);
            }
            double maxMu = 0;
            for (int e = 0; e < c; e++) {
                maxMu = Math.max(maxMu, Math.abs(rhs[e]));
            }
            double step = maxMu > 2 * rt ? 2 * rt / maxMu : 1;
            // A phase whose amount would go below zero leaves at the point where it reaches zero.
            int leaving = -1;
            for (int k = 0; k < p; k++) {
                double m = sets.get(k).formulaMoles;
                double dm = rhs[c + k];
                if (dm < 0 && m + step * dm < 0) {
                    double s0 = m > 0 ? m / -dm : 0;
                    if (s0 < step) {
                        step = s0;
                        leaving = k;
                    }
                }
            }
            for (int e = 0; e < c; e++) {
                mu[e] += step * rhs[e];
            }
            for (int k = 0; k < p; k++) {
                CompositionSet s = sets.get(k);
                s.formulaMoles = Math.max(0, s.formulaMoles + step * rhs[c + k]);
            }
            if (leaving >= 0 && p > 1) {
                sets.remove(leaving);
            }
        }
        return new Refined(false, lastProblem, 80);
    }

    /**
     * Brings a phase into a full set (as many phases as elements: the phase rule allows no more at a
     * given temperature) the way a simplex pivot does: the newcomer's composition as a combination of
     * the sets' compositions says which set runs out first as the newcomer grows; that one leaves and
     * the newcomer starts with the amount that used it up. Falls back to a plain add when the
     * compositions are degenerate.
     */
    private static void pivotIn(List<PhaseAtT> phases, List<CompositionSet> sets, CompositionSet add) {
        int c = phases.get(0).model().elementCount();
        int p = sets.size();
        if (p != c) {
            sets.add(add);
            return;
        }
        double[] a = new double[c * p];
        double[] atoms = new double[p];
        for (int k = 0; k < p; k++) {
            CompositionSet s = sets.get(k);
            double[] xk = normalised(phases.get(s.phase), s.y);
            for (int e = 0; e < c; e++) {
                a[e * p + k] = xk[e];
            }
            atoms[k] = s.formulaMoles * phases.get(s.phase).atoms(s.y);
        }
        double[] lambda = normalised(phases.get(add.phase), add.y);
        if (!Linear.solve(a, c, lambda, 1)) {
            sets.add(add);
            return;
        }
        int leaving = -1;
        double theta = Double.POSITIVE_INFINITY;
        for (int k = 0; k < p; k++) {
            if (lambda[k] > 1e-12 && atoms[k] / lambda[k] < theta) {
                theta = atoms[k] / lambda[k];
                leaving = k;
            }
        }
        if (leaving < 0) {
            sets.add(add);
            return;
        }
        for (int k = 0; k < p; k++) {
            CompositionSet s = sets.get(k);
            s.formulaMoles = Math.max(0, atoms[k] - theta * lambda[k]) / phases.get(s.phase).atoms(s.y);
        }
        add.formulaMoles = theta / phases.get(add.phase).atoms(add.y);
        sets.remove(leaving);
        sets.add(add);
    }

    /** sum over sets of amount times atoms per formula, minus the alloy's mole fractions. */
    private static double[] massResidual(double[] x, List<CompositionSet> sets, double[][] n) {
        double[] out = new double[x.length];
        for (int e = 0; e < x.length; e++) {
            double sum = -x[e];
            for (int k = 0; k < sets.size(); k++) {
                sum += sets.get(k).formulaMoles * n[k][e];
            }
            out[e] = sum;
        }
        return out;
    }

    private static void removeSmallest(List<PhaseAtT> phases, List<CompositionSet> sets) {
        int smallest = 0;
        for (int k = 1; k < sets.size(); k++) {
            double a = sets.get(k).formulaMoles * phases.get(sets.get(k).phase).atoms(sets.get(k).y);
            double b = sets.get(smallest).formulaMoles * phases.get(sets.get(smallest).phase).atoms(sets.get(smallest).y);
            if (a < b) {
                smallest = k;
            }
        }
        sets.remove(smallest);
    }

    /** d n / d mu of a phase at its minimum: N_r H_r^-1 N_r^T (c x c, row-major). */
    private static double[] sensitivity(PhaseAtT ph, double[] y) {
        int c = ph.model().elementCount();
        double[] out = new double[c * c];
        if (ph.model().stoichiometric()) {
            return out;
        }
        int m = ph.variableCount();
        double[] grad = new double[m];
        double[] hess = new double[m * m];
        ph.energy(y, grad, hess);
        PhaseAtT.Reduced red = ph.new Reduced(y, grad, hess);
        int r = red.size;
        double[][] nr = red.molesJacobian();
        double[] l = new double[r * r];
        double shift = 0;
        while (!Linear.cholesky(red.hessian, r, shift, l)) {
            shift = shift == 0 ? 1e-9 * ph.rt() : shift * 10;
        }
        for (int g = 0; g < c; g++) {
            double[] z = new double[r];
            for (int i = 0; i < r; i++) {
                z[i] = nr[g][i];
            }
            Linear.choleskySolve(l, r, z);
            for (int e = 0; e < c; e++) {
                double s = 0;
                for (int i = 0; i < r; i++) {
                    s += nr[e][i] * z[i];
                }
                out[e * c + g] = s;
            }
        }
        return out;
    }
}
