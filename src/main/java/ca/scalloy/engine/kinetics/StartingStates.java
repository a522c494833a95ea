package ca.scalloy.engine.kinetics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Elements;
import ca.scalloy.engine.Message;
import ca.scalloy.engine.MessageException;
import ca.scalloy.engine.props.ModelParameters;
import ca.scalloy.engine.props.SoluteTable;
import ca.scalloy.engine.thermo.Equilibrium;
import ca.scalloy.engine.thermo.MeltingRange;
import ca.scalloy.engine.thermo.PhaseFraction;
import ca.scalloy.engine.thermo.ProcessRoute;
import ca.scalloy.engine.thermo.ScheilCurve;
import ca.scalloy.engine.thermo.SolidSolution;
import ca.scalloy.engine.thermo.ThermoCalculator;

/**
 * The state an alloy enters ageing in after a process route, from the CALPHAD core's
 * {@link ThermoCalculator#solidSolution}: CAST keeps what the (Al) formed along the Scheil-Gulliver path
 * holds, EQUILIBRIUM what it holds just below the solidus (a solution-treated and quenched alloy), RAPID each
 * solute up to the technique's limit ({@code rapid-solidification-limits.csv}). Then, by the solute's state in
 * {@code solutes-resistivity.csv}:
 * <ul>
 * <li>Sc and Zr (PRECIPITATE) and Ti (RETAINED): what solidification left; Si above
 * {@code si.tieUpThresholdWtPct} ties Sc up as AlSc₂Si₂ (the "V phase"), one Sc atom per Si atom above the
 * threshold: that Sc leaves the solution before ageing and does not harden;</li>
 * <li>Mn, Fe, Cr (DISPERSOID), cast or equilibrium routes: at most the (Al) content of the equilibrium at the
 * homogenisation temperature {@code state.homogenisationTempC} (they form dispersoids), and at most what
 * solidification left (primary intermetallics do not dissolve again);</li>
 * <li>Mg, Si, Cu, Zn (FAST), cast or equilibrium routes: the (Al) content of the equilibrium at the annealing
 * temperature {@code state.annealTempC} (the O temper: Mg of 5xxx alloys in solution, Mg₂Si of 6xxx alloys out);</li>
 * <li>RAPID: every solute as solidification left it (the parts are aged directly, not homogenised);</li>
 * <li>elements outside the thermodynamic data: up to {@code maxWithoutDataWtPct} of the table;</li>
 * <li>the grain: RAPID the grain of laser powder-bed fusion ({@code grain.rapidM}); cast, refined
 * ({@code grain.refinedM}) when the primary phase is a trialuminide that nucleates (Al) (Al₃Sc, Al₃Zr, Al₃Ti),
 * else coarse ({@code grain.coarseM}).</li>
 * </ul>
 * The metal is taken as quenched from there: nothing precipitates on the way down. Immutable and thread-safe.
 */
public final class StartingStates {

    /** Primary phases on which (Al) nucleates: L1₂ Al₃Sc and Al₃(Sc,Zr), D0₂₃ Al₃Zr, D0₂₂ Al₃Ti. */
    public static final Set<String> GRAIN_REFINING_PHASES = Set.of("AL3SC", "AL3ZR", "AL3TI");

    /** How far below a temperature with liquid the state's equilibria are looked for again, K. */
    private static final double BELOW_LIQUID_STEP_K = 25;

    private final ThermoCalculator thermo;
    private final ModelParameters props;
    private final SoluteTable solutes;

    /** On the shipped databases and parameters. */
    public StartingStates() {
        this(ThermoCalculator.alRichCorner(), ModelParameters.standard());
    }

    public StartingStates(ThermoCalculator thermo, ModelParameters props) {
        this.thermo = Objects.requireNonNull(thermo, "thermo");
        this.props = Objects.requireNonNull(props, "props");
        this.solutes = SoluteTable.standard();
    }

    /**
     * The starting state of {@code alloy} made by {@code route}.
     *
     * @throws IllegalArgumentException when the alloy is not aluminium-based or the thermodynamic data cannot take it
     */
    public StartingState of(Composition alloy, ProcessRoute route) {
        if (!alloy.balanceElement().equals("Al")) {
            throw new MessageException("kinetics.error.notAluminium", "balanceElement: the kinetic model is for aluminium alloys, not "
                    + alloy.balanceElement(), alloy.balanceElement()).at("balanceElement");
        }
        switch (route) {
            case CAST: {
                ScheilCurve s = thermo.scheil(alloy);
                return from(alloy, alloy, SolidSolution.afterScheil(s), s.liquidusPrimaryPhase());
            }
            case EQUILIBRIUM: {
                MeltingRange m = thermo.meltingRange(alloy);
                return from(alloy, alloy, thermo.solidSolution(alloy, route, null, m), m.liquidus().primaryPhase());
            }
            default:
                return from(alloy, alloy, thermo.solidSolution(alloy, route, null), null);
        }
    }

    /**
     * The starting state from what solidification left in (Al).
     *
     * @param alloy        the alloy
     * @param thermoAlloy  the alloy as the thermodynamic data take it (elements outside them removed when there are too
     *                     many to leave out), for the homogenisation and annealing equilibria
     * @param solid        what solidification left in (Al) (of {@code thermoAlloy})
     * @param primaryPhase the liquidus's primary phase (for the cast grain; unused for RAPID), may be null
     */
    public StartingState from(Composition alloy, Composition thermoAlloy, SolidSolution solid, String primaryPhase) {
        ProcessRoute route = solid.route();
        double sc = Math.min(alloy.pct("Sc"), solid.wtPct("Sc"));
        double zr = Math.min(alloy.pct("Zr"), solid.wtPct("Zr"));
        List<Message> basis = new ArrayList<>(List.of(solid.source()));
        double tied = scTiedUpBySiWtPct(alloy);
        if (tied > 0 && sc > 0) {
            double taken = Math.min(sc, tied);
            sc -= taken;
            basis.add(Message.of("state.scTiedUp", String.format(Locale.ROOT, "%.3f wt%% Sc tied up by Si as AlSc2Si2", taken),
                    Math.round(taken * 1000) / 1000.0));
        }
        Map<String, Double> homogenised = null;
        Map<String, Double> annealed = null;
        if (route != ProcessRoute.RAPID) {
            homogenised = matrixAt(thermoAlloy, props.get("state.homogenisationTempC"), solid, SoluteTable.State.DISPERSOID, basis,
                    "homogenised");
            annealed = matrixAt(thermoAlloy, props.get("state.annealTempC"), solid, SoluteTable.State.FAST, basis, "annealed");
        }
        Map<String, Double> others = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : alloy.wtPct().entrySet()) {
            String el = e.getKey();
            double total = e.getValue();
            if (el.equals("Sc") || el.equals("Zr") || total <= 0) {
                continue;
            }
            SoluteTable.Solute data = solutes.get(el);
            double held;
            if (!thermo.elements().contains(el)) {
                held = data == null || data.maxWithoutDataWtPct() == null ? total : Math.min(total, data.maxWithoutDataWtPct());
            } else {
                held = Math.min(total, solid.wtPct(el));
                SoluteTable.State state = data == null ? SoluteTable.State.RETAINED : data.state();
                if (state == SoluteTable.State.DISPERSOID && homogenised != null && homogenised.containsKey(el)) {
                    held = Math.min(held, homogenised.get(el));
                } else if (state == SoluteTable.State.FAST && annealed != null && annealed.containsKey(el)) {
                    held = Math.min(total, annealed.get(el));
                }
            }
            others.put(el, held);
        }
        return new StartingState(route, sc, zr, grainSizeM(route, primaryPhase), Message.joined(basis), others);
    }

    /**
     * What (Al) holds, wt% of the alloy, in the equilibrium at {@code tempC} (or {@link #BELOW_LIQUID_STEP_K} steps
     * lower while liquid is stable there); null when there is no solute of that state or no converged equilibrium.
     */
    private Map<String, Double> matrixAt(Composition alloy, double tempC, SolidSolution solid, SoluteTable.State state,
                                         List<Message> basis, String what) {
        boolean any = false;
        for (String el : alloy.wtPct().keySet()) {
            SoluteTable.Solute s = solutes.get(el);
            any |= s != null && s.state() == state && thermo.elements().contains(el) && solid.wtPct(el) > 0;
        }
        if (!any) {
            return null;
        }
        double t = tempC;
        for (int i = 0; i < 8; i++) {
            Equilibrium e = thermo.equilibrium(alloy, t);
            if (!e.converged()) {
                return null;
            }
            List<PhaseFraction> phases = e.phases();
            boolean liquid = phases.stream().anyMatch(p -> p.name().startsWith("LIQUID"));
            if (!liquid) {
                Map<String, Double> out = new LinkedHashMap<>();
                for (PhaseFraction p : phases) {
                    if (p.name().equals("FCC_A1")) {
                        p.compositionWtPct().forEach((el, wt) -> out.put(el, wt * p.massFraction()));
                    }
                }
                basis.add(Message.of("state." + what + "At", String.format(Locale.ROOT, "%s at %.0f °C", what, t), (double) Math.round(t)));
                return out;
            }
            t -= BELOW_LIQUID_STEP_K;
        }
        return null;
    }

    /** The grain a route gives, m (see the class description). */
    public double grainSizeM(ProcessRoute route, String primaryPhase) {
        if (route == ProcessRoute.RAPID) {
            return props.get("grain.rapidM");
        }
        return primaryPhase != null && GRAIN_REFINING_PHASES.contains(primaryPhase) ? props.get("grain.refinedM")
                : props.get("grain.coarseM");
    }

    /**
     * Sc the alloy's Si ties up as AlSc₂Si₂, wt% of the alloy: one Sc atom per Si atom above
     * {@code si.tieUpThresholdWtPct} (0 below it).
     */
    public double scTiedUpBySiWtPct(Composition alloy) {
        double excess = alloy.pct("Si") - props.get("si.tieUpThresholdWtPct");
        if (excess <= 0) {
            return 0;
        }
        Elements el = Elements.standard();
        return excess * el.atomicMass("Sc") / el.atomicMass("Si");
    }
}
