package ca.scalloy.engine.kinetics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Elements;
import ca.scalloy.engine.Message;
import ca.scalloy.engine.MessageException;
import ca.scalloy.engine.props.ModelNote;
import ca.scalloy.engine.props.ModelParameters;

/**
 * Precipitation of Al₃Sc and Al₃(Sc,Zr) over a heat-treatment schedule, by a Kampmann-Wagner numerical
 * model (nucleation, growth and coarsening on a discretised size distribution; see {@link KwnRun}),
 * with the yield strength that follows from the distribution ({@link DistributionStrength}).
 * Immutable and thread-safe; each call runs its own simulation.
 */
public final class PrecipitationKinetics {

    private static final double SECONDS_PER_HOUR = 3600;

    private final SoluteEquilibrium equilibrium;
    private final ModelParameters kinetics;
    private final ModelParameters props;
    private final DistributionStrength strength;

    /** With the shipped data: the CALPHAD core's solubilities, {@code precipitation-kinetics.csv}, {@code property-models.csv}. */
    public PrecipitationKinetics() {
        this(ThermoSoluteEquilibrium.standard(), KineticParameters.standard(), ModelParameters.standard());
    }

    /**
     * @param equilibrium solubilities and driving force (e.g. a CALPHAD core)
     * @param kinetics    the kinetic parameters (format of {@code precipitation-kinetics.csv})
     * @param props       the property models' parameters (strength formulas, Hall-Petch)
     */
    public PrecipitationKinetics(SoluteEquilibrium equilibrium, ModelParameters kinetics, ModelParameters props) {
        this.equilibrium = Objects.requireNonNull(equilibrium, "equilibrium");
        this.kinetics = Objects.requireNonNull(kinetics, "kinetics");
        this.props = Objects.requireNonNull(props, "props");
        this.strength = new DistributionStrength(props, kinetics);
    }

    /** The kinetic parameters in use. */
    public ModelParameters parameters() {
        return kinetics;
    }

    /**
     * Ages {@code alloy}, entering in state {@code start}, through {@code schedule}.
     *
     * @throws IllegalArgumentException when the alloy is not aluminium-based, or the start state holds more
     *                                  Sc or Zr in solution than the alloy has
     */
    public AgeingResult simulate(Composition alloy, StartingState start, AgeingSchedule schedule) {
        Objects.requireNonNull(schedule, "schedule");
        Run run = start(alloy, start);
        List<AgeingPoint> points = new ArrayList<>();
        int perStep = (int) kinetics.get("numerics.pointsPerStep");
        double[] elapsed = {0};
        points.add(run.point(0, 0, 0, schedule.steps().get(0).tempC()));
        for (int s = 0; s < schedule.steps().size(); s++) {
            AgeingStep step = schedule.steps().get(s);
            double seconds = step.hours() * SECONDS_PER_HOUR;
            double[] out = new double[perStep];
            for (int k = 0; k < perStep; k++) {
                out[k] = seconds * Math.pow(10, -3.0 + 3.0 * k / (perStep - 1));
            }
            int index = s;
            double before = elapsed[0];
            run.kwn.hold(step.tempC(), seconds, out, secondsInStep -> points.add(run.point(before + secondsInStep / SECONDS_PER_HOUR,
                    index, secondsInStep / SECONDS_PER_HOUR, step.tempC())));
            elapsed[0] = before + step.hours();
        }
        AgeingPoint peak = points.get(0);
        for (AgeingPoint p : points) {
            if (p.yieldStrengthMPa() > peak.yieldStrengthMPa()) {
                peak = p;
            }
        }
        return new AgeingResult(start, schedule, points, peak, warnings(alloy, start), notes(start));
    }

    /**
     * The state of {@code alloy} entering ageing in {@code start}, before any ageing: nothing precipitated, the
     * strength of what is in solution and the grain.
     *
     * @param tempC the temperature the point is reported at, °C
     * @throws IllegalArgumentException as {@link #simulate}
     */
    public AgeingPoint quenched(Composition alloy, StartingState start, double tempC) {
        return start(alloy, start).point(0, 0, 0, tempC);
    }

    /** One simulation and what its points need. */
    private final class Run {
        final KwnRun kwn;
        final StartingState start;
        final double meanMass;
        final double scM;
        final double zrM;

        Run(KwnRun kwn, StartingState start, double meanMass, double scM, double zrM) {
            this.kwn = kwn;
            this.start = start;
            this.meanMass = meanMass;
            this.scM = scM;
            this.zrM = zrM;
        }

        AgeingPoint point(double hours, int step, double hoursInStep, double tempC) {
            return PrecipitationKinetics.this.point(kwn, start, hours, step, hoursInStep, tempC, meanMass, scM, zrM);
        }
    }

    private Run start(Composition alloy, StartingState start) {
        if (!alloy.balanceElement().equals("Al")) {
            throw new MessageException("kinetics.error.notAluminium", "balanceElement: the kinetic model is for aluminium alloys, not "
                    + alloy.balanceElement(), alloy.balanceElement()).at("balanceElement");
        }
        if (start.scInSolutionWtPct() > alloy.pct("Sc") + 1e-9 || start.zrInSolutionWtPct() > alloy.pct("Zr") + 1e-9) {
            throw new IllegalArgumentException("start: Sc " + start.scInSolutionWtPct() + " / Zr " + start.zrInSolutionWtPct()
                    + " wt% in solution is more than the alloy holds (Sc " + alloy.pct("Sc") + ", Zr " + alloy.pct("Zr") + " wt%)");
        }
        Elements el = Elements.standard();
        double molesPerGram = 0;
        for (Map.Entry<String, Double> e : alloy.allWtPct().entrySet()) {
            molesPerGram += e.getValue() / el.atomicMass(e.getKey());
        }
        double scM = el.atomicMass("Sc");
        double zrM = el.atomicMass("Zr");
        KwnRun kwn = new KwnRun(equilibrium, kinetics,
                start.scInSolutionWtPct() / scM / molesPerGram, start.zrInSolutionWtPct() / zrM / molesPerGram);
        return new Run(kwn, start, 100 / molesPerGram, scM, zrM);
    }

    private AgeingPoint point(KwnRun run, StartingState start, double hours, int step, double hoursInStep,
                              double tempC, double meanMass, double scM, double zrM) {
        double[] r = run.radii();
        double[] n = run.numbers();
        double[] y = run.zrFractions();
        double number = 0;
        double sumR = 0;
        double volume = 0;
        double zrWeighted = 0;
        for (int i = 0; i < r.length; i++) {
            double v = 4.0 / 3.0 * Math.PI * r[i] * r[i] * r[i];
            number += n[i];
            sumR += n[i] * r[i];
            volume += n[i] * v;
            zrWeighted += n[i] * v * y[i];
        }
        double toScWt = 100 * scM / meanMass;
        double toZrWt = 100 * zrM / meanMass;
        double scSol = run.scInSolutionPerAtom() * toScWt;
        double zrSol = run.zrInSolutionPerAtom() * toZrWt;
        double[] inPpt = run.inPrecipitatesPerAtom();
        AgedStrength s = strength.strength(start, scSol, zrSol, r, n, r.length);
        return new AgeingPoint(hours, step, hoursInStep, tempC, number > 0 ? 1e9 * sumR / number : 0, number, 100 * volume,
                volume > 0 ? zrWeighted / volume : 0, scSol, zrSol, inPpt[0] * toScWt, inPpt[1] * toZrWt, s);
    }

    private List<Message> warnings(Composition alloy, StartingState start) {
        List<Message> w = new ArrayList<>();
        if (start.scInSolutionWtPct() <= 0) {
            w.add(Message.of("warning.noScInSolution", "No Sc in solution: nothing precipitates (Al3Zr alone is not modelled)"));
        }
        if (alloy.pct("Sc") > start.scInSolutionWtPct() + 1e-9) {
            w.add(Message.of("warning.scNotInSolution", String.format(Locale.ROOT, "%.3f wt%% of the Sc is not in solution after %s"
                    + " (primary or eutectic Al3Sc, beyond the route's limit, or tied up by Si): it does not harden",
                    alloy.pct("Sc") - start.scInSolutionWtPct(), start.route()), alloy.pct("Sc") - start.scInSolutionWtPct(), start.route()));
        }
        if (alloy.pct("Mg") > props.get("warn.mgSolubilityWtPct") && alloy.pct("Sc") > 0) {
            w.add(Message.of("warning.binarySolubilitiesWithMg", "The Sc and Zr solubilities are those of the binaries: what Mg does"
                    + " to them is not in the model (mc_al 2.037 lowers Sc solubility with Mg, Al-Mg-Sc diffusion couples raise it)"));
        }
        if (alloy.pct("Ti") > 0) {
            w.add(Message.of("warning.tiInSolution", "Ti is left in solution: the kinetic model has no Ti in the precipitates"));
        }
        return w;
    }

    private List<ModelNote> notes(StartingState start) {
        return List.of(
                new ModelNote("start", Message.of("model.start.name", "state entering ageing: " + start.route(), start.route()),
                        Message.of("model.solidSolution.source", start.basis().english(), start.basis()),
                        Message.of("model.start.validity", "quenched; nothing precipitated on cooling"), "est"),
                new ModelNote("precipitation", Message.of("model.precipitation.name", "Kampmann-Wagner numerical model: classical homogeneous"
                        + " nucleation with incubation, diffusion-controlled growth and coarsening (Gibbs-Thomson) on Lagrangian size classes;"
                        + " Zr taken up by diffusion, dissolving layers limited by the slower solute"),
                        Message.of("model.precipitation.source", "Sc diffusion Fujikawa 1997; Zr Marumo; interfacial energy "
                                + kinetics.get("interface.energyJPerM2") + " J/m2 fitted (decision 0014); " + equilibrium.source(),
                                kinetics.get("interface.energyJPerM2")),
                        Message.of("model.precipitation.validity", "dilute Al-Sc(-Zr), 100-550 °C, 0.15 to about 0.7 wt% Sc in solution"
                                + " (homogeneous nucleation: slower than real below 0.15)"), "est"),
                new ModelNote("yield strength", Message.of("model.kineticsYield.name", "base + solid solution + precipitation over the size"
                        + " distribution (per class the weaker of shearing and Orowan looping, weighted by the particles a slip plane meets)"
                        + " + Hall-Petch"),
                        Message.of("model.kineticsYield.source", "Seidman, Marquis & Dunand 2002; property-models.csv"),
                        Message.of("model.kineticsYield.validity", "Al-Mg-Sc(-Zr); band as the property models"), "est"));
    }
}
