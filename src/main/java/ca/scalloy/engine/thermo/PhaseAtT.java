package ca.scalloy.engine.thermo;

import java.util.Arrays;

/**
 * A {@link PhaseModel} at one temperature: its Gibbs energy per formula unit as a function of the site
 * fractions, with gradient and Hessian, and the minimisation of {@code G(y) - mu . n(y)} that both the
 * global search and the equilibrium refinement use. Immutable (its methods allocate their own work
 * arrays), so one instance may serve several threads.
 */
final class PhaseAtT {

    /** Gas constant, J/(mol K), the value of the SGTE/Thermo-Calc era databases used here. */
    static final double R = 8.31451;

    /** Smallest site fraction kept (a logarithm of zero has no value). */
    static final double Y_MIN = 1e-30;

    private final PhaseModel model;
    private final double tempK;
    private final double rt;
    private final double[] gibbsValues;
    private final PhaseModel.LinearForm[][] gibbsFactors;
    /** Fast paths of the Gibbs terms: a constant, coefficients linear in one site fraction, binary Redlich-Kister blocks. */
    private final double constantPart;
    private final double[] linearPart;
    private final int[] blockA;
    private final int[] blockB;
    private final double[][] blockPoly;
    private final double[] curieValues;
    private final PhaseModel.LinearForm[][] curieFactors;
    private final double[] momentValues;
    private final PhaseModel.LinearForm[][] momentFactors;
    private final int m;
    private final int c;
    /** [element][variable]: atoms of the element per formula unit per unit site fraction. */
    private final double[][] molesPerVariable;
    private final double[] atomsPerVariable;
    private final boolean[] free;

    PhaseAtT(PhaseModel model, double tempK, double[] gibbs, PhaseModel.Evaluated curie, PhaseModel.Evaluated moment) {
        this.model = model;
        this.tempK = tempK;
        this.rt = R * tempK;
        this.m = model.variableCount();
        PhaseModel.Plan plan = model.plan();
        double constant = 0;
        double[] linear = new double[m];
        double[][] poly = new double[plan.blockA.length][];
        for (int b = 0; b < poly.length; b++) {
            poly[b] = new double[plan.blockDegree[b] + 1];
        }
        double[] general = new double[plan.generalFactors.length];
        for (int t = 0; t < gibbs.length; t++) {
            switch (plan.kind[t]) {
                case PhaseModel.Plan.CONSTANT:
                    constant += gibbs[t];
                    break;
                case PhaseModel.Plan.LINEAR:
                    linear[plan.target[t]] += gibbs[t];
                    break;
                case PhaseModel.Plan.BLOCK:
                    poly[plan.target[t]][plan.order[t]] += gibbs[t];
                    break;
                default:
                    general[plan.target[t]] += gibbs[t];
            }
        }
        this.constantPart = constant;
        this.linearPart = linear;
        this.blockA = plan.blockA;
        this.blockB = plan.blockB;
        this.blockPoly = poly;
        this.gibbsValues = general;
        this.gibbsFactors = plan.generalFactors;
        this.curieValues = curie.values();
        this.curieFactors = curie.factors();
        this.momentValues = moment.values();
        this.momentFactors = moment.factors();
        this.c = model.elementCount();
        this.molesPerVariable = new double[c][m];
        this.atomsPerVariable = new double[m];
        this.free = new boolean[m];
        int[][] species = model.species();
        int[] start = model.sublatticeStart();
        for (int s = 0; s < species.length; s++) {
            for (int j = 0; j < species[s].length; j++) {
                int v = start[s] + j;
                free[v] = species[s].length > 1;
                if (species[s][j] != PhaseModel.VACANCY) {
                    molesPerVariable[species[s][j]][v] = model.sites()[s];
                    atomsPerVariable[v] = model.sites()[s];
                }
            }
        }
    }

    PhaseModel model() {
        return model;
    }

    String name() {
        return model.name();
    }

    double tempK() {
        return tempK;
    }

    double rt() {
        return rt;
    }

    int variableCount() {
        return m;
    }

    /** A starting point: in each sublattice, the constituent of {@code preferredElement} (else vacancy, else the first) dominant. */
    double[] start(double[] alloyMoleFractions, int preferredElement) {
        double[] y = new double[m];
        int[][] species = model.species();
        int[] st = model.sublatticeStart();
        for (int s = 0; s < species.length; s++) {
            int k = species[s].length;
            if (k == 1) {
                y[st[s]] = 1;
                continue;
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                int e = species[s][j];
                double w = e == PhaseModel.VACANCY ? 0.5 : (alloyMoleFractions == null ? 1.0 / c : alloyMoleFractions[e]);
                if (e == preferredElement) {
                    w += 10;
                }
                y[st[s] + j] = Math.max(w, 1e-6);
                sum += y[st[s] + j];
            }
            for (int j = 0; j < k; j++) {
                y[st[s] + j] /= sum;
            }
        }
        return y;
    }

    /** Atoms of each element per formula unit. */
    double[] moles(double[] y) {
        double[] n = new double[c];
        for (int e = 0; e < c; e++) {
            double sum = 0;
            double[] row = molesPerVariable[e];
            for (int v = 0; v < m; v++) {
                sum += row[v] * y[v];
            }
            n[e] = sum;
        }
        return n;
    }

    /** Atoms per formula unit (vacancies not counted). */
    double atoms(double[] y) {
        double sum = 0;
        for (int v = 0; v < m; v++) {
            sum += atomsPerVariable[v] * y[v];
        }
        return sum;
    }

    double[][] molesPerVariable() {
        return molesPerVariable;
    }

    /**
     * Gibbs energy per formula unit, J; fills {@code grad} (length m) and {@code hess} (m*m, row-major)
     * when they are not null (both are overwritten).
     */
    double energy(double[] y, double[] grad, double[] hess) {
        if (grad != null) {
            Arrays.fill(grad, 0);
        }
        if (hess != null) {
            Arrays.fill(hess, 0);
        }
        double g = terms(gibbsValues, gibbsFactors, y, grad, hess, 1) + constantPart;
        for (int v = 0; v < m; v++) {
            g += linearPart[v] * y[v];
            if (grad != null) {
                grad[v] += linearPart[v];
            }
        }
        for (int k = 0; k < blockA.length; k++) {
            int a = blockA[k];
            int b = blockB[k];
            double ya = y[a];
            double yb = y[b];
            double d = ya - yb;
            double[] poly = blockPoly[k];
            // P(d), P'(d), P''(d) by Horner
            double p0 = 0;
            double p1 = 0;
            double p2 = 0;
            for (int o = poly.length - 1; o >= 0; o--) {
                p2 = p2 * d + 2 * p1;
                p1 = p1 * d + p0;
                p0 = p0 * d + poly[o];
            }
            double yy = ya * yb;
            g += yy * p0;
            if (grad != null) {
                grad[a] += yb * p0 + yy * p1;
                grad[b] += ya * p0 - yy * p1;
                if (hess != null) {
                    hess[a * m + a] += 2 * yb * p1 + yy * p2;
                    hess[b * m + b] += -2 * ya * p1 + yy * p2;
                    double ab = p0 + d * p1 - yy * p2;
                    hess[a * m + b] += ab;
                    hess[b * m + a] += ab;
                }
            }
        }
        int[][] species = model.species();
        int[] st = model.sublatticeStart();
        double[] sites = model.sites();
        for (int s = 0; s < species.length; s++) {
            if (species[s].length < 2) {
                continue;
            }
            double a = rt * sites[s];
            for (int v = st[s]; v < st[s + 1]; v++) {
                double yv = Math.max(y[v], Y_MIN);
                double ln = Math.log(yv);
                g += a * yv * ln;
                if (grad != null) {
                    grad[v] += a * (ln + 1);
                }
                if (hess != null) {
                    hess[v * m + v] += a / yv;
                }
            }
        }
        if (model.magnetic() != null && curieValues.length > 0) {
            g += magnetic(y, grad, hess);
        }
        return g;
    }

    private double magnetic(double[] y, double[] grad, double[] hess) {
        boolean derivatives = grad != null;
        double[] gc = derivatives ? new double[m] : null;
        double[] hc = hess != null ? new double[m * m] : null;
        double[] gb = derivatives ? new double[m] : null;
        double[] hb = hess != null ? new double[m * m] : null;
        double afm = model.magnetic().afmFactor();
        double p = model.magnetic().structureFactorP();
        double curie = terms(curieValues, curieFactors, y, gc, hc, 1);
        double moment = terms(momentValues, momentFactors, y, gb, hb, 1);
        double curieScale = curie < 0 ? 1 / afm : 1;
        double momentScale = moment < 0 ? 1 / afm : 1;
        curie *= curieScale;
        moment *= momentScale;
        if (curie <= 1e-9 || moment <= 0) {
            return 0;
        }
        double tau = tempK / curie;
        double d = 518.0 / 1125 + 11692.0 / 15975 * (1 / p - 1);
        double f;
        double f1;
        double f2;
        if (tau <= 1) {
            double k = 474.0 / 497 * (1 / p - 1);
            double t3 = tau * tau * tau;
            double t9 = t3 * t3 * t3;
            double t15 = t9 * t3 * t3;
            f = 1 - (79 / (140 * p * tau) + k * (t3 / 6 + t9 / 135 + t15 / 600)) / d;
            f1 = -(-79 / (140 * p * tau * tau) + k * (tau * tau / 2 + t9 / tau / 15 + t15 / tau / 40)) / d;
            f2 = -(158 / (140 * p * tau * tau * tau) + k * (tau + 8 * t9 / (tau * tau) / 15 + 14 * t15 / (tau * tau) / 40)) / d;
        } else {
            double i5 = Math.pow(tau, -5);
            double i15 = i5 * i5 * i5;
            double i25 = i15 * i5 * i5;
            f = -(i5 / 10 + i15 / 315 + i25 / 1500) / d;
            f1 = -(-i5 / tau / 2 - i15 / tau / 21 - i25 / tau / 60) / d;
            f2 = -(3 * i5 / (tau * tau) + 16 * i15 / (tau * tau) / 21 + 26 * i25 / (tau * tau) / 60) / d;
        }
        double lg = Math.log(1 + moment);
        double value = rt * lg * f;
        if (!derivatives) {
            return value;
        }
        double g1 = 1 / (1 + moment);
        double g2 = -g1 * g1;
        double fc = f1 * (-tau / curie);
        double fcc = f2 * tau * tau / (curie * curie) + 2 * f1 * tau / (curie * curie);
        for (int v = 0; v < m; v++) {
            double dB = gb[v] * momentScale;
            double dC = gc[v] * curieScale;
            grad[v] += rt * (g1 * f * dB + lg * fc * dC);
        }
        if (hess != null) {
            for (int a = 0; a < m; a++) {
                double dBa = gb[a] * momentScale;
                double dCa = gc[a] * curieScale;
                for (int b = 0; b < m; b++) {
                    double dBb = gb[b] * momentScale;
                    double dCb = gc[b] * curieScale;
                    hess[a * m + b] += rt * (g2 * f * dBa * dBb + g1 * fc * (dBa * dCb + dCa * dBb) + lg * fcc * dCa * dCb
                            + g1 * f * hb[a * m + b] * momentScale + lg * fc * hc[a * m + b] * curieScale);
                }
            }
        }
        return value;
    }

    /** Sum of coefficient times product of linear factors, with derivatives added into grad/hess. */
    private double terms(double[] values, PhaseModel.LinearForm[][] factors, double[] y, double[] grad, double[] hess, double scale) {
        double total = 0;
        double[] v = new double[12];
        for (int t = 0; t < values.length; t++) {
            PhaseModel.LinearForm[] f = factors[t];
            int r = f.length;
            for (int i = 0; i < r; i++) {
                PhaseModel.LinearForm lf = f[i];
                double s = lf.constant();
                int[] vars = lf.vars();
                double[] co = lf.coefficients();
                for (int k = 0; k < vars.length; k++) {
                    s += co[k] * y[vars[k]];
                }
                v[i] = s;
            }
            double c0 = values[t] * scale;
            double prod = c0;
            for (int i = 0; i < r; i++) {
                prod *= v[i];
            }
            total += prod;
            if (grad == null) {
                continue;
            }
            for (int i = 0; i < r; i++) {
                double pi = c0;
                for (int j = 0; j < r; j++) {
                    if (j != i) {
                        pi *= v[j];
                    }
                }
                if (pi != 0) {
                    int[] vars = f[i].vars();
                    double[] co = f[i].coefficients();
                    for (int k = 0; k < vars.length; k++) {
                        grad[vars[k]] += pi * co[k];
                    }
                }
                if (hess == null) {
                    continue;
                }
                for (int j = i + 1; j < r; j++) {
                    double pij = c0;
                    for (int k = 0; k < r; k++) {
                        if (k != i && k != j) {
                            pij *= v[k];
                        }
                    }
                    if (pij == 0) {
                        continue;
                    }
                    int[] va = f[i].vars();
                    double[] ca = f[i].coefficients();
                    int[] vb = f[j].vars();
                    double[] cb = f[j].coefficients();
                    for (int a = 0; a < va.length; a++) {
                        for (int b = 0; b < vb.length; b++) {
                            double h = pij * ca[a] * cb[b];
                            hess[va[a] * m + vb[b]] += h;
                            hess[vb[b] * m + va[a]] += h;
                        }
                    }
                }
            }
        }
        return total;
    }

    /** The value of {@code G(y) - mu . n(y)} per formula unit. */
    double drivingFunction(double[] y, double[] mu) {
        double g = energy(y, null, null);
        double[] n = moles(y);
        for (int e = 0; e < c; e++) {
            g -= mu[e] * n[e];
        }
        return g;
    }

    /**
     * The reduced Newton system at y: each free sublattice's largest constituent is dependent on the
     * others. {@code gradient} is of G - mu.n (or of G when mu is null).
     */
    final class Reduced {
        final int[] variable;
        final int[] dependent;
        final int size;
        final double[] gradient;
        final double[] hessian;

        Reduced(double[] y, double[] fullGradient, double[] fullHessian) {
            int[][] species = model.species();
            int[] st = model.sublatticeStart();
            int count = 0;
            for (int s = 0; s < species.length; s++) {
                if (species[s].length > 1) {
                    count += species[s].length - 1;
                }
            }
            size = count;
            variable = new int[count];
            dependent = new int[count];
            int r = 0;
            for (int s = 0; s < species.length; s++) {
                if (species[s].length < 2) {
                    continue;
                }
                int dep = st[s];
                for (int v = st[s]; v < st[s + 1]; v++) {
                    if (y[v] > y[dep]) {
                        dep = v;
                    }
                }
                for (int v = st[s]; v < st[s + 1]; v++) {
                    if (v != dep) {
                        variable[r] = v;
                        dependent[r] = dep;
                        r++;
                    }
                }
            }
            gradient = new double[size];
            hessian = new double[size * size];
            for (int i = 0; i < size; i++) {
                int a = variable[i];
                int da = dependent[i];
                gradient[i] = fullGradient[a] - fullGradient[da];
                for (int j = 0; j < size; j++) {
                    int b = variable[j];
                    int db = dependent[j];
                    hessian[i * size + j] = fullHessian[a * m + b] - fullHessian[a * m + db] - fullHessian[da * m + b] + fullHessian[da * m + db];
                }
            }
        }

        /** The full change of y for a reduced step. */
        double[] expand(double[] step) {
            double[] dy = new double[m];
            for (int i = 0; i < size; i++) {
                dy[variable[i]] += step[i];
                dy[dependent[i]] -= step[i];
            }
            return dy;
        }

        /** [element][reduced variable]: change of atoms of the element per formula unit. */
        double[][] molesJacobian() {
            double[][] out = new double[c][size];
            for (int e = 0; e < c; e++) {
                for (int i = 0; i < size; i++) {
                    out[e][i] = molesPerVariable[e][variable[i]] - molesPerVariable[e][dependent[i]];
                }
            }
            return out;
        }
    }

    /** Result of {@link #minimize}: the minimum of G - mu.n and whether Newton converged. */
    record Minimum(double value, boolean converged, int iterations) {
    }

    /**
     * Minimises {@code G(y) - mu . n(y)} over the site fractions, starting from {@code y} (changed in
     * place): damped Newton on the reduced variables with a Levenberg shift where the Hessian is not
     * positive definite and a step that never takes a site fraction below 5 % of its value.
     */
    Minimum minimize(double[] mu, double[] y, int maxIterations) {
        if (model.stoichiometric()) {
            return new Minimum(drivingFunction(y, mu), true, 0);
        }
        double[] grad = new double[m];
        double[] hess = new double[m * m];
        double[] trial = new double[m];
        for (int it = 1; it <= maxIterations; it++) {
            double f = energy(y, grad, hess);
            double[] n = moles(y);
            for (int e = 0; e < c; e++) {
                f -= mu[e] * n[e];
                double[] row = molesPerVariable[e];
                for (int v = 0; v < m; v++) {
                    grad[v] -= mu[e] * row[v];
                }
            }
            Reduced red = new Reduced(y, grad, hess);
            double[] step = Linear.newtonStep(red.hessian, red.gradient, red.size);
            double[] dy = red.expand(step);
            double alpha = 1;
            double relative = 0;
            for (int v = 0; v < m; v++) {
                if (y[v] <= 1e-28 && dy[v] < 0) {
                    dy[v] = 0; // at the floor: a trace constituent that wants to vanish
                }
                if (dy[v] < 0) {
                    alpha = Math.min(alpha, 0.95 * y[v] / -dy[v]);
                }
                relative = Math.max(relative, Math.abs(dy[v]) / Math.max(y[v], Y_MIN));
            }
            if (relative < 1e-11) {
                return new Minimum(f, true, it);
            }
            double slope = 0;
            for (int i = 0; i < red.size; i++) {
                slope += red.gradient[i] * step[i];
            }
            boolean accepted = false;
            for (int back = 0; back < 40; back++) {
                for (int v = 0; v < m; v++) {
                    trial[v] = Math.max(y[v] + alpha * dy[v], Y_MIN);
                }
                double ft = drivingFunction(trial, mu);
                // Near the minimum the decrease drowns in rounding: accept a small full Newton step.
                if (ft <= f + 1e-4 * alpha * slope || (-slope < 1e-9 * rt && alpha == 1)) {
                    accepted = true;
                    break;
                }
                alpha *= 0.5;
            }
            System.arraycopy(trial, 0, y, 0, m);
            if (!accepted) {
                return new Minimum(drivingFunction(y, mu), relative < 1e-6, it);
            }
            if (relative * alpha < 1e-11) {
                return new Minimum(drivingFunction(y, mu), true, it);
            }
        }
        return new Minimum(drivingFunction(y, mu), false, maxIterations);
    }
}
