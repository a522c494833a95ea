package ca.scalloy.ui.properties;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javafx.beans.property.ReadOnlyObjectProperty;

import ca.scalloy.engine.Progress;
import ca.scalloy.engine.thermo.PhaseFractionCurves;
import ca.scalloy.engine.thermo.ScheilCurve;
import ca.scalloy.engine.thermo.ScheilStep;
import ca.scalloy.engine.thermo.ThermoCalculator;
import ca.scalloy.ui.common.BackgroundExecutor;
import ca.scalloy.ui.common.DialogService;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Numbers;
import ca.scalloy.ui.common.PhaseLabels;

/**
 * How the alloy of the Properties screen solidifies and what phases it holds, from the thermodynamic
 * core: the Scheil-Gulliver curve (fraction solid against temperature, the phases marked as they
 * appear, the end of solidification, the Sc and Zr the (Al) keeps) beside equilibrium solidification,
 * and the equilibrium phase fractions against temperature. Both come from one calculation off the UI
 * thread, run while either chart is on screen.
 */
public final class SolidificationViewModel {

    /** The sweep of phase fractions starts here, degrees C: below it nothing changes that ageing does not change first. */
    static final double SWEEP_FROM_C = PhaseFractionCurves.DEFAULT_FROM_C;
    /** The phase-fraction axis, mol%: a hundredth of a percent is about where a phase stops mattering. */
    static final double MIN_FRACTION_PCT = 0.01;
    /** Where a phase's curve goes where it is absent: below the axis, so that the curve drops out of the plot. */
    private static final double OFF_AXIS_PCT = MIN_FRACTION_PCT / 100;

    /** The outcome of one calculation. */
    record Solidification(PropertiesViewModel.Alloy alloy, ScheilCurve scheil, PhaseFractionCurves phases) {
    }

    private final ThermoCalculator thermo;
    private Messages messages;
    private final Recalculation<PropertiesViewModel.Alloy, Solidification> calculation;
    private final ChartState scheilChart;
    private final ChartState phasesChart;
    private Solidification last;

    /**
     * @param alloy the Properties screen's alloy, followed
     */
    public SolidificationViewModel(Messages messages, ThermoCalculator thermo, BackgroundExecutor executor, DialogService dialogs,
                                   ReadOnlyObjectProperty<PropertiesViewModel.Alloy> alloy) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.thermo = Objects.requireNonNull(thermo, "thermo");
        this.calculation = new Recalculation<>(executor, this::compute, this::calculated, this::explain);
        this.scheilChart = new ChartState(calculation, dialogs, () -> this.messages, () -> "scheil.png");
        this.phasesChart = new ChartState(calculation, dialogs, () -> this.messages, () -> "phase-fractions.png");
        ChartState.activeWhileShown(calculation, List.of(scheilChart, phasesChart));
        calculation.problemProperty().addListener((o, a, b) -> problems());
        alloy.addListener((o, a, b) -> {
            calculation.input(b);
            problems();
        });
        calculation.input(alloy.get());
        problems();
    }

    private Solidification compute(PropertiesViewModel.Alloy a, Progress progress) {
        progress.checkCancelled();
        ScheilCurve scheil = thermo.scheil(a.composition());
        progress.done(0.3);
        PhaseFractionCurves phases = PhaseFractionCurves.sweep(thermo, a.composition(), SWEEP_FROM_C, progress.part(0.3, 1));
        return new Solidification(a, scheil, phases);
    }

    private void calculated(Solidification s) {
        last = s;
        redraw();
    }

    private String explain(Throwable error) {
        return MessageWords.failure(error, messages, "chart.error.failed");
    }

    private void problems() {
        String p = calculation.problemProperty().get();
        if (p.isEmpty() && calculation.input() == null) {
            p = messages.get("chart.noAlloy");
        }
        scheilChart.problem(p);
        phasesChart.problem(p);
    }

    private void redraw() {
        if (last == null) {
            return;
        }
        scheilChart.show(scheilPlot(last));
        phasesChart.show(phasesPlot(last));
    }

    // ------------------------------------------------------------------ the Scheil chart

    private Plot scheilPlot(Solidification s) {
        ScheilCurve c = s.scheil();
        Messages m = messages;
        double end = Double.isFinite(c.solidusC()) ? c.solidusC() : c.steps().get(c.steps().size() - 1).tempC();
        double lowC = 50 * Math.floor((end - 20) / 50);
        double highC = 50 * Math.ceil((c.liquidusC() + 20) / 50);
        Plot.Builder b = Plot.builder(m.get("scheil.title", ChartTexts.alloy(s.alloy(), m)),
                new Plot.Axis(m.get("scheil.axis.fractionSolid"), 0, 1, false), new Plot.Axis(m.get("chart.axis.temp"), lowC, highC, false));
        List<Plot.XY> path = new ArrayList<>();
        for (ScheilStep st : c.steps()) {
            path.add(new Plot.XY(st.fractionSolid(), st.tempC()));
        }
        b.curve(new Plot.Curve("scheil", m.get("scheil.legend.scheil"), path, 0, false, true));
        List<Plot.XY> lever = leverRule(s.phases());
        if (lever.size() > 1) {
            b.curve(new Plot.Curve("equilibrium", m.get("scheil.legend.equilibrium"), lever, 8, true, false));
        }
        Set<String> seen = new LinkedHashSet<>();
        seen.add("LIQUID");
        // The primary phase appears at the liquidus itself (the first step lies half a kelvin below it).
        if (c.liquidusPrimaryPhase() != null) {
            seen.add(c.liquidusPrimaryPhase());
            b.marker(new Plot.Marker("appears-" + c.liquidusPrimaryPhase(), m.get("scheil.appears", PhaseLabels.of(c.liquidusPrimaryPhase()),
                    ChartTexts.temp(c.liquidusC(), m)), new Plot.XY(0, c.liquidusC()), ChartTexts.colourOf(c.liquidusPrimaryPhase()),
                    Plot.Shape.CIRCLE));
        }
        for (ScheilStep st : c.steps()) {
            for (String phase : st.phases()) {
                if (seen.add(phase)) {
                    b.marker(new Plot.Marker("appears-" + phase, m.get("scheil.appears", PhaseLabels.of(phase), ChartTexts.temp(st.tempC(), m)),
                            new Plot.XY(st.fractionSolid(), st.tempC()), ChartTexts.colourOf(phase), Plot.Shape.CIRCLE));
                }
            }
        }
        ScheilStep lastStep = c.steps().get(c.steps().size() - 1);
        b.marker(new Plot.Marker("solidificationEnd", c.converged() ? m.get("scheil.end", ChartTexts.temp(end, m))
                : m.get("scheil.stopped", ChartTexts.temp(lastStep.tempC(), m)), new Plot.XY(lastStep.fractionSolid(), lastStep.tempC()), -1,
                Plot.Shape.SQUARE));
        b.guide(new Plot.Guide(m.get("scheil.liquidus", ChartTexts.temp(c.liquidusC(), m), PhaseLabels.of(c.liquidusPrimaryPhase())), false,
                c.liquidusC()));
        b.note(retained(c, m));
        String formed = formed(c, m);
        if (!formed.isEmpty()) {
            b.note(formed);
        }
        if (!c.converged()) {
            b.note(m.get("scheil.notConverged", String.valueOf(c.note())));
        }
        return b.footnote(m.get("scheil.model") + " " + ChartTexts.thermoSource(c.database(), m)).legendAt(Plot.Corner.BOTTOM_LEFT).build();
    }

    /** Fraction solid in equilibrium (1 - liquid) from the liquidus down to the solidus. */
    private static List<Plot.XY> leverRule(PhaseFractionCurves p) {
        List<Plot.XY> out = new ArrayList<>();
        List<Double> liquid = p.molFractions().get("LIQUID");
        if (liquid == null) {
            return out;
        }
        double liquidusC = p.melting().liquidus().tempC();
        double solidusC = p.melting().solidus().tempC();
        for (int i = p.tempsC().size() - 1; i >= 0; i--) {
            double t = p.tempsC().get(i);
            if (t <= liquidusC + 1e-9 && t >= solidusC - 1e-9) {
                out.add(new Plot.XY(1 - liquid.get(i), t));
            }
        }
        return out;
    }

    /** "Kept in (Al), wt% of the alloy: Sc 0.129 · Zr 0.001". */
    private static String retained(ScheilCurve c, Messages m) {
        List<String> parts = new ArrayList<>();
        for (String el : List.of("Sc", "Zr")) {
            Double v = c.retainedInSolutionWtPct().get(el);
            if (v != null) {
                parts.add(el + " " + Numbers.flexible(v, 3, 4, m.locale()));
            }
        }
        return parts.isEmpty() ? m.get("scheil.retained.none") : m.get("scheil.retained", String.join(" · ", parts));
    }

    /** "Formed: Al₃Sc 1.68 mol% · Al₃Zr 0.10 mol%": the Sc, Zr and Ti aluminides, which take those elements from (Al). */
    private static String formed(ScheilCurve c, Messages m) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Double> e : c.phaseFractions().entrySet()) {
            if (List.of("AL3SC", "AL3ZR", "AL3TI").contains(e.getKey())) {
                parts.add(PhaseLabels.of(e.getKey()) + " " + Numbers.flexible(100 * e.getValue(), 2, 3, m.locale()));
            }
        }
        return parts.isEmpty() ? "" : m.get("scheil.formed", String.join(" · ", parts));
    }

    // ------------------------------------------------------------------ the phase fractions

    private Plot phasesPlot(Solidification s) {
        PhaseFractionCurves p = s.phases();
        Messages m = messages;
        List<Double> t = p.tempsC();
        Plot.Builder b = Plot.builder(m.get("phases.title", ChartTexts.alloy(s.alloy(), m)),
                new Plot.Axis(m.get("chart.axis.temp"), t.get(0), t.get(t.size() - 1), false),
                new Plot.Axis(m.get("phases.axis.fraction"), MIN_FRACTION_PCT, 100, true));
        for (Map.Entry<String, List<Double>> e : p.molFractions().entrySet()) {
            // One curve per stretch where the phase is present, dropping off the axis at the temperatures on either side
            // where it is absent: an absent phase is not drawn along zero, which a log axis does not have.
            List<Double> f = e.getValue();
            int part = 0;
            int i = 0;
            while (i < t.size()) {
                if (f.get(i) <= 0) {
                    i++;
                    continue;
                }
                List<Plot.XY> run = new ArrayList<>();
                if (i > 0) {
                    run.add(new Plot.XY(t.get(i - 1), OFF_AXIS_PCT));
                }
                while (i < t.size() && f.get(i) > 0) {
                    run.add(new Plot.XY(t.get(i), 100 * f.get(i)));
                    i++;
                }
                if (i < t.size()) {
                    run.add(new Plot.XY(t.get(i), OFF_AXIS_PCT));
                }
                b.curve(new Plot.Curve("phase-" + e.getKey() + "-" + part, part == 0 ? PhaseLabels.of(e.getKey()) : "", run,
                        ChartTexts.colourOf(e.getKey()), e.getKey().contains("#"), false));
                part++;
            }
        }
        b.guide(new Plot.Guide(m.get("phases.liquidus", ChartTexts.temp(p.melting().liquidus().tempC(), m)), true,
                p.melting().liquidus().tempC()));
        b.guide(new Plot.Guide(m.get("phases.solidus", ChartTexts.temp(p.melting().solidus().tempC(), m)), true,
                p.melting().solidus().tempC()));
        if (!p.unconverged().isEmpty()) {
            b.note(m.get("phases.unconverged", p.unconverged().size()));
        }
        return b.footnote(m.get("phases.model") + " " + ChartTexts.thermoSource(p.database(), m)).legendAt(Plot.Corner.BOTTOM_RIGHT).build();
    }

    // ------------------------------------------------------------------ language and state

    public void setMessages(Messages newMessages) {
        messages = Objects.requireNonNull(newMessages, "messages");
        problems();
        redraw();
    }

    /** The Scheil-Gulliver chart. */
    public ChartModel scheil() {
        return scheilChart;
    }

    /** The equilibrium phase fractions against temperature. */
    public ChartModel phases() {
        return phasesChart;
    }
}
