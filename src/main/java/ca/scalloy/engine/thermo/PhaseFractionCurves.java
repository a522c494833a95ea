package ca.scalloy.engine.thermo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Progress;

/**
 * The equilibrium phase fractions of an alloy against temperature (a property diagram): one
 * equilibrium per temperature, from a low temperature up to just above the liquidus, with the
 * liquidus and solidus among the temperatures.
 *
 * @param alloy            the alloy
 * @param tempsC           the temperatures, rising, degrees C
 * @param molFractions     per phase (as {@link Equilibrium} names it), its mole fraction (atoms) at each
 *                         temperature, 0 where it is not stable; phases in the order they were first met
 *                         going down from the liquidus
 * @param melting          liquidus (with primary phase) and solidus
 * @param unconverged      the temperatures whose equilibrium did not meet its tolerances (their fractions are
 *                         the solver's last iterate, drawn as they are)
 * @param database         where the data came from
 */
public record PhaseFractionCurves(Composition alloy, List<Double> tempsC, Map<String, List<Double>> molFractions, MeltingRange melting,
                                  List<Double> unconverged, DatabaseUse database) {

    /** The lowest temperature of a sweep unless asked otherwise, degrees C. */
    public static final double DEFAULT_FROM_C = 200;
    /** The sweep goes this far above the liquidus, K. */
    static final double ABOVE_LIQUIDUS_K = 25;
    /** At most this many temperatures: the step widens for a long range. */
    static final int MAX_POINTS = 90;

    public PhaseFractionCurves {
        Objects.requireNonNull(alloy, "alloy");
        tempsC = List.copyOf(tempsC);
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        molFractions.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        molFractions = Collections.unmodifiableMap(copy);
        unconverged = List.copyOf(unconverged);
    }

    /**
     * Sweeps {@code alloy} from {@code fromC} to {@value #ABOVE_LIQUIDUS_K} K above its liquidus in steps of 5, 10
     * or 20 K (at most {@value #MAX_POINTS} temperatures), adding the liquidus and the solidus themselves.
     *
     * @throws IllegalArgumentException for a composition the data cannot take or {@code fromC} outside the data
     * @throws java.util.concurrent.CancellationException when {@code progress} says it is no longer wanted
     */
    public static PhaseFractionCurves sweep(ThermoCalculator calculator, Composition alloy, double fromC, Progress progress) {
        if (!Double.isFinite(fromC) || fromC < calculator.minTempC(alloy)) {
            throw new IllegalArgumentException("fromC must be at least " + calculator.minTempC(alloy) + " °C (the data), was " + fromC);
        }
        MeltingRange melting = calculator.meltingRange(alloy);
        progress.checkCancelled();
        double topC = melting.liquidus().tempC() + ABOVE_LIQUIDUS_K;
        if (!(topC > fromC)) {
            throw new IllegalArgumentException("fromC must be below the liquidus " + melting.liquidus().tempC() + " °C, was " + fromC);
        }
        double step = 5;
        while ((topC - fromC) / step > MAX_POINTS - 2) {
            step *= 2;
        }
        List<Double> temps = new ArrayList<>();
        for (double t = fromC; t < topC; t += step) {
            temps.add(t);
        }
        temps.add(topC);
        for (double exact : new double[] {melting.liquidus().tempC(), melting.solidus().tempC()}) {
            if (Double.isFinite(exact) && exact > fromC && !temps.contains(exact)) {
                temps.add(exact);
            }
        }
        temps.sort(null);
        // From the top down, so that phases are listed in the order they form on cooling.
        Map<String, Double[]> fractions = new LinkedHashMap<>();
        List<Double> unconverged = new ArrayList<>();
        DatabaseUse database = melting.liquidus().database();
        ThermoCalculator.Prepared prepared = calculator.prepare(alloy);
        calculator.checkTemperature(prepared, topC, "the sweep's top temperature");
        // Each equilibrium starts from the one 5-20 K above it, with the global check of every phase kept on.
        EquilibriumSolver.Result warm = null;
        for (int i = temps.size() - 1; i >= 0; i--) {
            progress.checkCancelled();
            List<PhaseAtT> phases = prepared.system.at(temps.get(i) + ThermoCalculator.KELVIN);
            EquilibriumSolver.Result r = EquilibriumSolver.solve(phases, prepared.x, new boolean[phases.size()], warm, true);
            warm = r.converged() ? r : null;
            Equilibrium e = calculator.toEquilibrium(prepared, r);
            if (!e.converged()) {
                unconverged.add(temps.get(i));
            }
            for (PhaseFraction p : e.phases()) {
                fractions.computeIfAbsent(p.name(), k -> new Double[temps.size()])[i] = p.molFraction();
            }
            progress.done((double) (temps.size() - i) / temps.size());
        }
        Map<String, List<Double>> out = new LinkedHashMap<>();
        fractions.forEach((name, values) -> {
            List<Double> list = new ArrayList<>();
            for (Double v : values) {
                list.add(v == null ? 0.0 : v);
            }
            out.put(name, list);
        });
        Collections.reverse(unconverged);
        return new PhaseFractionCurves(alloy, temps, out, melting, unconverged, database);
    }
}
