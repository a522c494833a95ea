package ca.scalloy.engine.thermo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Progress;

/**
 * Binary Al-X phase diagrams computed from the thermodynamic data ({@link ThermoCalculator}): the
 * invariant, the liquidus point by point with its primary phase, the solidus of (Al) and the solvus.
 * A diagram does not depend on any alloy, so each is computed once and kept (thread-safe).
 */
public final class PhaseDiagrams {

    /** The solvus is drawn from this temperature up, degrees C. */
    public static final double SOLVUS_FROM_C = 100;
    /** Steps of the solvus, K. */
    static final double SOLVUS_STEP_K = 5;
    /** Points of the (Al)-primary liquidus below the invariant liquid, and of the solidus. */
    static final int AL_BRANCH_POINTS = 10;
    /** Points of the precipitate-primary liquidus, denser near the invariant where it is steep. */
    static final int PRECIPITATE_BRANCH_POINTS = 48;

    /** A binary the diagrams cover: its precipitate and how far in content the liquidus is computed. */
    private record Binary(String precipitate, double largestWtPct) {
    }

    private static final Map<String, Binary> BINARIES = binaries();
    private static final PhaseDiagrams STANDARD = new PhaseDiagrams(ThermoCalculator.alRichCorner());

    private final ThermoCalculator calculator;
    private final Map<String, BinaryDiagram> computed = new ConcurrentHashMap<>();

    /** Diagrams on {@code calculator}'s data, with a cache of their own (empty): {@link #standard()} is the shared one. */
    public PhaseDiagrams(ThermoCalculator calculator) {
        this.calculator = java.util.Objects.requireNonNull(calculator, "calculator");
    }

    /** The diagrams of the shipped databases, shared by every caller. */
    public static PhaseDiagrams standard() {
        return STANDARD;
    }

    private static Map<String, Binary> binaries() {
        Map<String, Binary> m = new LinkedHashMap<>();
        // The ranges cover the master alloys Scalloy makes (AlSc2, AlZr10 needs a zoom out of its own) and
        // keep the hypereutectic liquidus within the 1100 degrees C a melt shop holds at.
        m.put("Sc", new Binary("AL3SC", 8.0));
        m.put("Zr", new Binary("AL3ZR", 2.0));
        m.put("Ti", new Binary("AL3TI", 2.0));
        return m;
    }

    /** The solutes with a diagram, e.g. {@code [Sc, Zr, Ti]}. */
    public static List<String> solutes() {
        return List.copyOf(BINARIES.keySet());
    }

    /**
     * The largest content the diagram of {@code solute} covers, wt%.
     *
     * @throws IllegalArgumentException for a solute without a diagram
     */
    public static double largestWtPct(String solute) {
        return binary(solute).largestWtPct();
    }

    private static Binary binary(String solute) {
        Binary b = BINARIES.get(solute);
        if (b == null) {
            throw new IllegalArgumentException("solute must be one of " + BINARIES.keySet() + ", was " + solute);
        }
        return b;
    }

    /** Whether the diagram of {@code solute} is already computed (then {@link #of} returns at once). */
    public boolean ready(String solute) {
        return computed.containsKey(solute);
    }

    /**
     * The Al-{@code solute} diagram, computed on first use (about a hundred thermodynamic calculations,
     * some hundred milliseconds) and kept.
     *
     * @throws IllegalArgumentException for a solute without a diagram
     * @throws java.util.concurrent.CancellationException when {@code progress} says it is no longer wanted
     *                                                    (nothing is kept then)
     */
    public BinaryDiagram of(String solute, Progress progress) {
        Binary b = binary(solute);
        BinaryDiagram d = computed.get(solute);
        if (d != null) {
            progress.done(1);
            return d;
        }
        d = compute(solute, b, progress);
        BinaryDiagram earlier = computed.putIfAbsent(solute, d);
        return earlier == null ? d : earlier;
    }

    private BinaryDiagram compute(String solute, Binary b, Progress progress) {
        Invariant inv = calculator.binaryInvariant(solute, b.precipitate());
        double pureAlC = calculator.liquidus(Composition.pure("Al")).tempC();
        int solvusPoints = (int) Math.ceil((inv.tempC() - SOLVUS_FROM_C) / SOLVUS_STEP_K);
        double total = 2.0 * AL_BRANCH_POINTS + PRECIPITATE_BRANCH_POINTS + solvusPoints;
        int[] done = {0};
        Runnable step = () -> {
            progress.checkCancelled();
            progress.done(++done[0] / total);
        };

        List<BinaryDiagram.LiquidusPoint> liquidus = new ArrayList<>();
        liquidus.add(new BinaryDiagram.LiquidusPoint(0, pureAlC, ThermoCalculator.FCC));
        for (int i = 1; i < AL_BRANCH_POINTS; i++) {
            step.run();
            liquidus.add(liquidusPoint(solute, inv.liquidWtPct() * i / AL_BRANCH_POINTS));
        }
        liquidus.add(new BinaryDiagram.LiquidusPoint(inv.liquidWtPct(), inv.tempC(), inv.phase()));
        for (int j = 1; j <= PRECIPITATE_BRANCH_POINTS; j++) {
            step.run();
            double share = (double) j / PRECIPITATE_BRANCH_POINTS;
            liquidus.add(liquidusPoint(solute, inv.liquidWtPct() + (b.largestWtPct() - inv.liquidWtPct()) * share * share));
        }

        List<BinaryDiagram.Point> solidus = new ArrayList<>();
        solidus.add(new BinaryDiagram.Point(0, pureAlC));
        for (int k = 1; k < AL_BRANCH_POINTS; k++) {
            step.run();
            double w = inv.aluminiumWtPct() * k / AL_BRANCH_POINTS;
            solidus.add(new BinaryDiagram.Point(w, calculator.solidus(alloy(solute, w)).tempC()));
        }
        solidus.add(new BinaryDiagram.Point(inv.aluminiumWtPct(), inv.tempC()));

        List<BinaryDiagram.Point> solvus = new ArrayList<>();
        for (int k = 0; k < solvusPoints; k++) {
            step.run();
            // The last step stops just short of the invariant, where the liquid takes over.
            double t = Math.min(SOLVUS_FROM_C + k * SOLVUS_STEP_K, inv.tempC() - 0.05);
            solvus.add(new BinaryDiagram.Point(calculator.solubilityWtPct(solute, b.precipitate(), t), t));
        }
        solvus.add(new BinaryDiagram.Point(inv.aluminiumWtPct(), inv.tempC()));
        progress.done(1);
        return new BinaryDiagram(solute, b.precipitate(), b.largestWtPct(), pureAlC, liquidus, solidus, solvus, inv, inv.database());
    }

    private BinaryDiagram.LiquidusPoint liquidusPoint(String solute, double wtPct) {
        Liquidus l = calculator.liquidus(alloy(solute, wtPct));
        return new BinaryDiagram.LiquidusPoint(wtPct, l.tempC(), l.primaryPhase());
    }

    private static Composition alloy(String solute, double wtPct) {
        return new Composition(Map.of(solute, wtPct), "Al");
    }
}
