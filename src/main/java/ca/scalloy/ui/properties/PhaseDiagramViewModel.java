package ca.scalloy.ui.properties;

import java.util.Objects;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import ca.scalloy.engine.Progress;
import ca.scalloy.engine.doc.AdditionPlanner;
import ca.scalloy.engine.doc.MeltHolding;
import ca.scalloy.engine.thermo.BinaryDiagram;
import ca.scalloy.engine.thermo.PhaseDiagrams;
import ca.scalloy.ui.common.BackgroundExecutor;
import ca.scalloy.ui.common.DialogService;
import ca.scalloy.ui.common.InputException;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Numbers;
import ca.scalloy.ui.common.PhaseLabels;

/**
 * The binary phase diagrams of the Properties screen, computed from the thermodynamic databases
 * ({@link PhaseDiagrams}: Al-Sc, Al-Zr, Al-Ti; liquidus, solidus, solvus and the invariant), with the
 * alloy drawn on them at its solute content: its own liquidus (all its elements, primary phase named),
 * the minimum holding temperature of its melt and its ageing temperature. A diagram is calculated once
 * (off the UI thread, with progress) and kept; zoom is the upper end of the composition axis.
 */
public final class PhaseDiagramViewModel {

    /** Which binary is shown. */
    public enum Binary {
        AL_SC("Sc", 3.0), AL_ZR("Zr", 0.6), AL_TI("Ti", 1.5);

        final String solute;
        final double defaultMaxWtPct;

        Binary(String solute, double defaultMaxWtPct) {
            this.solute = solute;
            this.defaultMaxWtPct = defaultMaxWtPct;
        }

        public String solute() {
            return solute;
        }

        double largestMaxWtPct() {
            return PhaseDiagrams.largestWtPct(solute);
        }
    }

    /** The smallest upper end of the composition axis, wt%. */
    static final double SMALLEST_MAX_WT_PCT = 0.1;
    /** One zoom step scales the composition axis by this. */
    static final double ZOOM_FACTOR = 1.5;
    /** The temperature axis starts here, degrees C, unless the ageing temperature lies below it. */
    static final double MIN_TEMP_C = 400;

    /**
     * The alloy on the diagram.
     *
     * @param name          the recipe's name, or empty
     * @param soluteWtPct   its content of the diagram's solute
     * @param ageTempC      its ageing temperature, null as cast
     * @param liquidusC     its liquidus (all its elements), null when it cannot be calculated
     * @param primaryPhase  the phase that forms first at it, shown as written (e.g. Al₃Zr), or empty
     * @param holdingC      the minimum holding temperature of its melt, null with the liquidus
     */
    public record Alloy(String name, double soluteWtPct, Double ageTempC, Double liquidusC, String primaryPhase, Double holdingC) {
    }

    /**
     * Everything to draw.
     *
     * @param binary   which diagram
     * @param data     the computed curves
     * @param maxWtPct upper end of the composition axis
     * @param minTempC lower end of the temperature axis
     * @param maxTempC upper end of the temperature axis
     * @param alloy    the alloy, or null when there is none
     * @param source   the model and data it came from, in words
     */
    public record Diagram(Binary binary, BinaryDiagram data, double maxWtPct, double minTempC, double maxTempC, Alloy alloy, String source) {
    }

    private record Request(Binary binary, PropertiesViewModel.Alloy alloy) {
    }

    private record Outcome(Request request, BinaryDiagram data, MeltHolding melt) {
    }

    private final PhaseDiagrams diagrams;
    private Messages messages;
    private final ReadOnlyObjectProperty<PropertiesViewModel.Alloy> alloy;
    private final ReadOnlyObjectProperty<PropertiesViewModel.Estimate> estimate;
    private final ObjectProperty<Binary> binary = new SimpleObjectProperty<>(this, "binary", Binary.AL_SC);
    private final StringProperty maxWtPctText = new SimpleStringProperty(this, "maxWtPctText", "");
    private final ReadOnlyStringWrapper maxWtPctError = new ReadOnlyStringWrapper(this, "maxWtPctError", "");
    private final ReadOnlyObjectWrapper<Diagram> diagram = new ReadOnlyObjectWrapper<>(this, "diagram");
    private final Recalculation<Request, Outcome> calculation;
    private final ChartState chart;
    private double maxWtPct;
    private Outcome last;

    /**
     * @param alloy    the Properties screen's alloy, drawn on the diagram
     * @param estimate the Properties screen's estimate, whose ageing temperature is marked
     */
    public PhaseDiagramViewModel(Messages messages, PhaseDiagrams diagrams, BackgroundExecutor executor, DialogService dialogs,
                                 ReadOnlyObjectProperty<PropertiesViewModel.Alloy> alloy,
                                 ReadOnlyObjectProperty<PropertiesViewModel.Estimate> estimate) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.diagrams = Objects.requireNonNull(diagrams, "diagrams");
        this.alloy = Objects.requireNonNull(alloy, "alloy");
        this.estimate = Objects.requireNonNull(estimate, "estimate");
        this.calculation = new Recalculation<>(executor, this::compute, this::calculated,
                e -> MessageWords.failure(e, this.messages, "chart.error.failed"));
        this.chart = new ChartState(calculation, dialogs, () -> this.messages,
                () -> "phase-diagram-al-" + binary.get().solute.toLowerCase(java.util.Locale.ROOT) + ".png");
        ChartState.activeWhileShown(calculation, java.util.List.of(chart));
        maxWtPct = binary.get().defaultMaxWtPct;
        maxWtPctText.set(format(maxWtPct));
        maxWtPctText.addListener((o, a, b) -> maxTyped(b));
        binary.addListener((o, a, b) -> {
            setMax(b.defaultMaxWtPct);
            request();
        });
        alloy.addListener((o, a, b) -> request());
        estimate.addListener((o, a, b) -> redraw());
        calculation.problemProperty().addListener((o, a, b) -> chart.problem(b));
        request();
    }

    private void request() {
        calculation.input(new Request(binary.get(), alloy.get()));
    }

    private Outcome compute(Request r, Progress progress) {
        BinaryDiagram data = diagrams.of(r.binary().solute, progress.part(0, 0.95));
        MeltHolding melt = null;
        if (r.alloy() != null) {
            progress.checkCancelled();
            try {
                melt = AdditionPlanner.holding(r.alloy().composition(), AdditionPlanner.defaultSuperheatC());
            } catch (IllegalArgumentException e) {
                // An alloy no liquidus model takes is still drawn at its content, without its liquidus.
                melt = null;
            }
        }
        progress.done(1);
        return new Outcome(r, data, melt);
    }

    private void calculated(Outcome o) {
        last = o;
        redraw();
    }

    // ------------------------------------------------------------------ zoom

    /** Shows less of the composition axis. */
    public void zoomIn() {
        setMax(maxWtPct / ZOOM_FACTOR);
    }

    /** Shows more of the composition axis. */
    public void zoomOut() {
        setMax(maxWtPct * ZOOM_FACTOR);
    }

    /** Back to the default composition axis of the binary shown. */
    public void resetZoom() {
        setMax(binary.get().defaultMaxWtPct);
    }

    private void setMax(double wtPct) {
        maxWtPct = Math.max(SMALLEST_MAX_WT_PCT, Math.min(binary.get().largestMaxWtPct(), wtPct));
        maxWtPctText.set(format(maxWtPct));
        maxWtPctError.set("");
        redraw();
    }

    private void maxTyped(String text) {
        if (text.equals(format(maxWtPct))) {
            return;
        }
        try {
            Double v = Numbers.parseOptional(text);
            double largest = binary.get().largestMaxWtPct();
            if (v == null || v < SMALLEST_MAX_WT_PCT || v > largest) {
                maxWtPctError.set(messages.get("diagram.error.maxWtPct", format(SMALLEST_MAX_WT_PCT), format(largest)));
                return;
            }
            maxWtPctError.set("");
            maxWtPct = v;
            redraw();
        } catch (InputException e) {
            maxWtPctError.set(e.localized(messages));
        }
    }

    private String format(double wtPct) {
        return Numbers.forInput(Math.round(wtPct * 1000) / 1000.0, messages.locale());
    }

    // ------------------------------------------------------------------ the diagram

    private void redraw() {
        if (last == null || last.request().binary() != binary.get()) {
            return;
        }
        BinaryDiagram d = last.data();
        Alloy a = alloyMarks(last);
        double minC = MIN_TEMP_C;
        if (a != null && a.ageTempC() != null && a.ageTempC() < MIN_TEMP_C + 20) {
            // Show the ageing temperature: extend the axis down to the hundred below it.
            minC = 100 * Math.floor((a.ageTempC() - 20) / 100);
        }
        double top = Math.max(d.liquidusC(Math.min(maxWtPct, d.maxWtPct())), 700);
        if (a != null && a.holdingC() != null) {
            top = Math.max(top, a.holdingC());
        }
        double maxC = 50 * Math.ceil((top + 30) / 50);
        String source = messages.get("diagram.source", "Al-" + binary.get().solute,
                d.database().systems().getOrDefault("Al-" + binary.get().solute,
                        String.join("; ", MessageWords.of(d.database().citations(), messages))));
        Diagram shown = new Diagram(binary.get(), d, maxWtPct, minC, maxC, a, source);
        diagram.set(shown);
        chart.show(summary(shown));
    }

    private Alloy alloyMarks(Outcome o) {
        PropertiesViewModel.Alloy a = alloy.get();
        if (a == null || o.request().alloy() == null || !o.request().alloy().equals(a)) {
            return null;
        }
        PropertiesViewModel.Estimate e = estimate.get();
        Double ageC = e != null && e.composition().equals(a.composition()) ? e.ageing().tempC() : null;
        MeltHolding melt = o.melt();
        return new Alloy(a.name(), a.composition().pct(binary.get().solute), ageC, melt == null ? null : melt.liquidusC(),
                melt == null || melt.primaryPhase() == null ? "" : PhaseLabels.of(melt.primaryPhase()), melt == null ? null : melt.holdingTempC());
    }

    /**
     * The diagram as a {@link Plot} of its axes, title and source, for what the charts share (the export,
     * the state); {@link PhaseDiagramChart} draws the diagram itself from {@link #diagramProperty()}.
     */
    private Plot summary(Diagram d) {
        return Plot.builder(messages.get("diagram.title." + d.binary().name()),
                new Plot.Axis(messages.get("diagram.axis.wtPct", d.binary().solute), 0, d.maxWtPct(), false),
                new Plot.Axis(messages.get("chart.axis.temp"), d.minTempC(), d.maxTempC(), false)).footnote(d.source()).build();
    }

    // ------------------------------------------------------------------ language and state

    public void setMessages(Messages newMessages) {
        messages = Objects.requireNonNull(newMessages, "messages");
        maxWtPctText.set(format(maxWtPct));
        maxWtPctError.set("");
        redraw();
    }

    public Messages messages() {
        return messages;
    }

    public ObjectProperty<Binary> binaryProperty() {
        return binary;
    }

    /** The upper end of the composition axis as typed. */
    public StringProperty maxWtPctTextProperty() {
        return maxWtPctText;
    }

    /** Why the typed upper end is not used; empty when it is. */
    public ReadOnlyStringProperty maxWtPctErrorProperty() {
        return maxWtPctError.getReadOnlyProperty();
    }

    /** The diagram to draw; null until the first is calculated. */
    public ReadOnlyObjectProperty<Diagram> diagramProperty() {
        return diagram.getReadOnlyProperty();
    }

    /** The calculation, export and on-screen state of the diagram. */
    public ChartModel chart() {
        return chart;
    }

    /** Asks where to save and writes the diagram there as PNG; says so in the status, or shows why it failed. */
    public void exportPng(PngWriter writer) {
        chart.exportPng(writer);
    }

    /** The outcome of the last export, in words. */
    public ReadOnlyStringProperty statusMessageProperty() {
        return chart.exportStatusProperty();
    }
}
