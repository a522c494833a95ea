package ca.scalloy.engine.kinetics;

import java.util.Arrays;

import ca.scalloy.engine.props.ModelParameters;

/**
 * One simulation: a Kampmann-Wagner numerical model on Lagrangian size classes (each class keeps its
 * particles' radius, number density and Zr site fraction; new classes are born at the nucleation radius;
 * neighbours are merged when there are too many). Mutable, used by one thread, thrown away after.
 *
 * <p>Per class of radius r and Zr site fraction y, at temperature T (quasi-stationary diffusion fields,
 * local equilibrium at the interface, Gibbs-Thomson for a stoichiometric L1₂ with ideal Sc-Zr mixing):
 * <pre>
 *   x_Sc,r = x_Sc,eq (1−y) exp(ℓ/r),  x_Zr,r = x_Zr,eq y exp(ℓ/r),  ℓ = 2γV_m/(xₚRT)
 *   J_Sc = 4πr D_Sc (x_Sc − x_Sc,r)/Ω_m,   J_Zr = 4πr D_Zr (x_Zr − x_Zr,r)/Ω_m        (atoms/s)
 * </pre>
 * A particle that loses both solutes loses a layer of its own composition, at the pace of the slower
 * one: out = min(|J_Sc|/(1−y), |J_Zr|/y). That is how Zr, ~10⁴ times slower than Sc at 300 °C, slows
 * coarsening: small particles that took up Zr cannot dissolve faster than their Zr can leave.
 * Nucleation (classical, homogeneous, of Al₃Sc: Zr is too slow to take part in the nuclei):
 * <pre>
 *   J = Z β* N₀ exp(−ΔG* / kT) exp(−1/Σ(dt/τ)),  ΔG* = 16πγ³/(3ΔG_v²),  r* = 2γ/ΔG_v,
 *   Z = Ω_p ΔG_v²/(8π√(γ³kT)),  β* = 4πr*² D_Sc x_Sc / a⁴,  τ = 1/(θβ*Z²),  N₀ = s · (matrix lattice sites per m³)
 * </pre>
 * with new particles at r* + ½√(kT/(πγ)) (Kampmann &amp; Wagner), and at least the smallest particle counted.
 * The matrix keeps a running account of its Sc and Zr atoms, debited and credited by exactly what the
 * classes take and give back, so that solution + precipitates = the total at every step.
 */
final class KwnRun {

    private static final double KB = 1.380649e-23;
    private static final double NA = 6.02214076e23;
    private static final double R = 8.314462618;
    private static final double KELVIN = 273.15;
    /** Fewest particles per m³ (one per cm³) worth a size class of their own. */
    private static final double MIN_BIRTH = 1e6;

    private final SoluteEquilibrium eq;
    private final double gamma;
    private final double xp;
    private final double omegaM;
    private final double omegaP;
    private final double aM4;
    private final double minR;
    private final double sitesPerSite;
    private final double theta;
    private final double dSc0;
    private final double qSc;
    private final double dZr0;
    private final double qZr;
    private final int maxClasses;
    private final double epsR;
    private final double epsX;
    private final double epsT;
    private final double firstStepS;

    // state
    private double[] r;
    private double[] n;
    private double[] y;
    private int count;
    private double scMatrix; // Sc atoms in (Al) per m³ of alloy
    private double zrMatrix;
    private final double atomsPerM3;
    private double incubation;
    private double pendingNuclei; // born but fewer than MIN_BIRTH per m³ so far: held back until there are enough
    private long steps;

    // per-step scratch
    private double[] jSc;
    private double[] jZr;

    KwnRun(SoluteEquilibrium eq, ModelParameters k, double scAtomFraction, double zrAtomFraction) {
        this.eq = eq;
        gamma = k.get("interface.energyJPerM2");
        xp = k.get("al3sc.soluteSiteFraction");
        double aM = k.get("al.latticeM");
        double aP = k.get("al3sc.latticeM");
        double cell = k.get("al3sc.atomsPerCell");
        omegaM = aM * aM * aM / cell;
        omegaP = aP * aP * aP / cell;
        aM4 = aM * aM * aM * aM;
        minR = k.get("nucleation.minRadiusM");
        sitesPerSite = k.get("nucleation.sitesPerLatticeSite");
        theta = k.get("nucleation.incubationTheta");
        dSc0 = k.get("diffusion.Sc.d0M2PerS");
        qSc = k.get("diffusion.Sc.qJPerMol");
        dZr0 = k.get("diffusion.Zr.d0M2PerS");
        qZr = k.get("diffusion.Zr.qJPerMol");
        maxClasses = (int) k.get("numerics.maxClasses");
        epsR = k.get("numerics.radiusStep");
        epsX = k.get("numerics.supersaturationStep");
        epsT = k.get("numerics.logTimeStep");
        firstStepS = k.get("numerics.firstStepS");
        atomsPerM3 = 1 / omegaM;
        scMatrix = scAtomFraction * atomsPerM3;
        zrMatrix = zrAtomFraction * atomsPerM3;
        r = new double[maxClasses + 2];
        n = new double[maxClasses + 2];
        y = new double[maxClasses + 2];
        jSc = new double[maxClasses + 2];
        jZr = new double[maxClasses + 2];
    }

    /** What one schedule step reports at each of its output times. */
    interface Observer {
        void at(double secondsInStep);
    }

    /**
     * Holds the alloy at {@code tempC} for {@code seconds}, calling {@code observer} at each of
     * {@code outputSeconds} (ascending, the last one {@code seconds}).
     */
    void hold(double tempC, double seconds, double[] outputSeconds, Observer observer) {
        double t = 0;
        double tempK = tempC + KELVIN;
        double xScEq = eq.scSolubility(tempK);
        double xZrEq = eq.zrSolubility(tempK);
        double dSc = dSc0 * Math.exp(-qSc / (R * tempK));
        double dZr = dZr0 * Math.exp(-qZr / (R * tempK));
        double vmP = omegaP * NA;
        double ell = 2 * gamma * vmP / (xp * R * tempK);
        double kT = KB * tempK;
        double nucleusOffset = 0.5 * Math.sqrt(kT / (Math.PI * gamma));
        int next = 0;
        while (next < outputSeconds.length) {
            double matrixAtoms = matrixAtoms();
            double xSc = scMatrix / matrixAtoms;
            double xZr = zrMatrix / matrixAtoms;
            // growth and dissolution rates of each class
            double precipSolute = 0;
            for (int i = 0; i < count; i++) {
                precipSolute += n[i] * solute(r[i]);
            }
            double scRate = 0;
            double zrRate = 0;
            double dtR = Double.POSITIVE_INFINITY;
            for (int i = 0; i < count; i++) {
                double g = Math.exp(ell / r[i]);
                double sink = 4 * Math.PI * r[i] / omegaM;
                double js = sink * dSc * (xSc - xScEq * (1 - y[i]) * g);
                double jz = sink * dZr * (xZr - xZrEq * y[i] * g);
                if (js < 0 && jz < 0 && y[i] > 0) {
                    double out = -jz / y[i];
                    if (y[i] < 1) {
                        out = Math.min(out, -js / (1 - y[i]));
                    }
                    js = -(1 - y[i]) * out;
                    jz = -y[i] * out;
                }
                jSc[i] = js;
                jZr[i] = jz;
                scRate -= n[i] * js;
                zrRate -= n[i] * jz;
                double content = solute(r[i]);
                if (n[i] * content >= 1e-3 * precipSolute) {
                    double rate = Math.abs(js + jz) / content; // relative change of solute content per s
                    if (rate > 0) {
                        dtR = Math.min(dtR, 3 * epsR / rate);
                    }
                }
            }
            // nucleation
            double nucleationRate = 0;
            double nucleusR = 0;
            double tau = Double.POSITIVE_INFINITY;
            double dgMol = eq.drivingForceJPerMol(xSc, xZr, 0, tempK);
            if (dgMol > 0 && scMatrix > 0) {
                double dgv = dgMol / vmP;
                double rStar = 2 * gamma / dgv;
                double barrier = 16 * Math.PI * gamma * gamma * gamma / (3 * dgv * dgv);
                double z = omegaP * dgv * dgv / (8 * Math.PI * Math.sqrt(gamma * gamma * gamma * kT));
                double beta = 4 * Math.PI * rStar * rStar * dSc * xSc / aM4;
                tau = 1 / (theta * beta * z * z);
                double sites = sitesPerSite * matrixAtoms;
                double steady = z * beta * sites * Math.exp(-barrier / kT);
                // incubation: Σ dt/τ generalises t/τ to steps at several temperatures
                nucleationRate = incubation > 0 ? steady * Math.exp(-1 / incubation) : 0;
                nucleusR = Math.max(minR, rStar + nucleusOffset);
                scRate -= nucleationRate * solute(nucleusR);
            }
            // time step
            double dt = Math.max(firstStepS, epsT * t);
            dt = Math.min(dt, dtR);
            double scDrive = Math.max(Math.abs(xSc - xScEq), 0.01 * xScEq) * matrixAtoms;
            if (scRate != 0) {
                dt = Math.min(dt, epsX * scDrive / Math.abs(scRate));
            }
            if (zrRate != 0 && zrMatrix > 0) {
                dt = Math.min(dt, epsX * Math.max(zrMatrix, 0.01 * xZrEq * matrixAtoms) / Math.abs(zrRate));
            }
            dt = Math.max(dt, 1e-9);
            dt = Math.min(dt, outputSeconds[next] - t);
            while (!feasible(dt, nucleationRate, nucleusR)) {
                dt /= 2;
            }
            apply(dt, nucleationRate, nucleusR);
            if (tau < Double.POSITIVE_INFINITY) {
                incubation += dt / tau;
            }
            t += dt;
            steps++;
            if (t >= outputSeconds[next] * (1 - 1e-12)) {
                t = outputSeconds[next];
                observer.at(t);
                next++;
            }
        }
    }

    /** Whether a step of {@code dt} keeps both matrix accounts non-negative. */
    private boolean feasible(double dt, double nucleationRate, double nucleusR) {
        double sc = scMatrix - nucleationRate * dt * solute(nucleusR);
        double zr = zrMatrix;
        for (int i = 0; i < count; i++) {
            double content = solute(r[i]);
            double dS = jSc[i] * dt;
            double dZ = jZr[i] * dt;
            if (content + dS + dZ <= solute(minR) * (1 - 1e-9)) {
                sc += n[i] * content * (1 - y[i]);
                zr += n[i] * content * y[i];
            } else {
                sc -= n[i] * dS;
                zr -= n[i] * dZ;
            }
        }
        return sc >= 0 && zr >= 0 || dt < 1e-12;
    }

    private void apply(double dt, double nucleationRate, double nucleusR) {
        double smallest = solute(minR) * (1 - 1e-9);
        int kept = 0;
        for (int i = 0; i < count; i++) {
            double content = solute(r[i]);
            double sc = content * (1 - y[i]) + jSc[i] * dt;
            double zr = content * y[i] + jZr[i] * dt;
            double total = sc + zr;
            if (total <= smallest || sc < 0 && zr <= 0) {
                scMatrix += n[i] * content * (1 - y[i]);
                zrMatrix += n[i] * content * y[i];
                continue;
            }
            if (sc < 0) {
                // the layer that left held more Sc than the particle had: it becomes pure Al3Zr
                zr += sc;
                sc = 0;
            } else if (zr < 0) {
                sc += zr;
                zr = 0;
            }
            scMatrix -= n[i] * (sc - content * (1 - y[i]));
            zrMatrix -= n[i] * (zr - content * y[i]);
            r[kept] = radius(sc + zr);
            y[kept] = zr / (sc + zr);
            n[kept] = n[i];
            kept++;
        }
        count = kept;
        pendingNuclei += nucleationRate * dt;
        double born = pendingNuclei >= MIN_BIRTH ? pendingNuclei : 0;
        if (born > 0) {
            pendingNuclei = 0;
            double content = solute(nucleusR);
            if (born * content > scMatrix) {
                born = scMatrix / content;
            }
            scMatrix -= born * content;
            r[count] = nucleusR;
            n[count] = born;
            y[count] = 0;
            count++;
            if (count > maxClasses) {
                mergeClosest();
            }
        }
        if (scMatrix < 0) {
            scMatrix = 0;
        }
        if (zrMatrix < 0) {
            zrMatrix = 0;
        }
    }

    /** Merges the two classes closest in radius, keeping their number, solute and Zr. */
    private void mergeClosest() {
        sortByRadius();
        int best = 0;
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < count; i++) {
            double g = r[i + 1] / r[i];
            if (g < gap) {
                gap = g;
                best = i;
            }
        }
        int a = best;
        int b = best + 1;
        double sa = n[a] * solute(r[a]);
        double sb = n[b] * solute(r[b]);
        double number = n[a] + n[b];
        double zr = sa * y[a] + sb * y[b];
        r[a] = radius((sa + sb) / number);
        y[a] = zr / (sa + sb);
        n[a] = number;
        System.arraycopy(r, b + 1, r, b, count - b - 1);
        System.arraycopy(n, b + 1, n, b, count - b - 1);
        System.arraycopy(y, b + 1, y, b, count - b - 1);
        count--;
    }

    private void sortByRadius() {
        for (int i = 1; i < count; i++) {
            double ri = r[i];
            double ni = n[i];
            double yi = y[i];
            int j = i - 1;
            while (j >= 0 && r[j] > ri) {
                r[j + 1] = r[j];
                n[j + 1] = n[j];
                y[j + 1] = y[j];
                j--;
            }
            r[j + 1] = ri;
            n[j + 1] = ni;
            y[j + 1] = yi;
        }
    }

    /** Solute atoms (Sc + Zr) in one particle of radius {@code radius}. */
    private double solute(double radius) {
        return 4.0 / 3.0 * Math.PI * radius * radius * radius * xp / omegaP;
    }

    private double radius(double soluteAtoms) {
        return Math.cbrt(soluteAtoms * omegaP * 3 / (4 * Math.PI * xp));
    }

    private double matrixAtoms() {
        double inPrecipitates = 0;
        for (int i = 0; i < count; i++) {
            inPrecipitates += n[i] * solute(r[i]) / xp;
        }
        return atomsPerM3 - inPrecipitates;
    }

    // --- what the observer reads ---

    int count() {
        return count;
    }

    double[] radii() {
        return Arrays.copyOf(r, count);
    }

    double[] numbers() {
        return Arrays.copyOf(n, count);
    }

    double[] zrFractions() {
        return Arrays.copyOf(y, count);
    }

    /** Sc atoms in (Al) per atom of alloy. */
    double scInSolutionPerAtom() {
        return scMatrix * omegaM;
    }

    double zrInSolutionPerAtom() {
        return zrMatrix * omegaM;
    }

    /** Sc and Zr atoms in the precipitates per atom of alloy: {Sc, Zr}. */
    double[] inPrecipitatesPerAtom() {
        double sc = 0;
        double zr = 0;
        for (int i = 0; i < count; i++) {
            double s = n[i] * solute(r[i]);
            sc += s * (1 - y[i]);
            zr += s * y[i];
        }
        return new double[] {sc * omegaM, zr * omegaM};
    }

    long steps() {
        return steps;
    }
}
