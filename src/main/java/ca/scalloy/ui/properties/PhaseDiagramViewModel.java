package ca.scalloy.ui.properties;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import ca.scalloy.engine.props.AlloyProperties;
import ca.scalloy.engine.phase.PhaseDiagram;
import ca.scalloy.ui.common.DialogService;
import ca.scalloy.ui.common.InputException;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Numbers;

/**
 * The phase diagram beside the Properties screen: the Al-rich end of Al-Sc (liquidus with its
 * band, eutectic, solvus) or the Al-Zr solubility (solvus, peritectic), with the estimated alloy
 * drawn on it at its solute content, its ageing temperature and its liquidus. Zoom is the upper
 * end of the composition axis.
 */
public final class PhaseDiagramViewModel {

    /** Which binary is shown. */
    public enum Binary {
        AL_SC("Sc", 3.0, 8.0), AL_ZR("Zr", 0.6, 2.0);

        final String solute;
        final double defaultMaxWtPct;
        final double largestMaxWtPct;

        Binary(String solute, double defaultMaxWtPct, double largestMaxWtPct) {
            this.solute = solute;
            this.defaultMaxWtPct = defaultMaxWtPct;
            this.largestMaxWtPct = largestMaxWtPct;
        }

        public String solute() {
            return solute;
        }
    }

    /** Writes the picture shown to a PNG file: the view's part of exporting. */
    @FunctionalInterface
    public interface PngWriter {
        void write(Path file) throws IOException;
    }

    /** The smallest upper end of the composition axis, wt%. */
    static final double SMALLEST_MAX_WT_PCT = 0.1;
    /** One zoom step scales the composition axis by this. */
    static final double ZOOM_FACTOR = 1.5;
    /** The temperature axis, °C, unless the ageing temperature lies below it. */
    static final double MIN_TEMP_C = 400;
    static final double MAX_TEMP_C = 1000;
    private static final int CURVE_STEPS = 240;

    /**
     * The alloy on the diagram.
     *
     * @param name        the recipe's name, or empty
     * @param soluteWtPct its content of the diagram's solute
     * @param ageTempC    its ageing temperature, null as cast
     * @param liquidusC   its liquidus (all its solutes), null on a diagram without a liquidus
     * @param liquidusBandC half-width of the liquidus band
     */
    public record Alloy(String name, double soluteWtPct, Double ageTempC, Double liquidusC, double liquidusBandC) {
    }

    /**
     * Everything to draw.
     *
     * @param binary      which diagram
     * @param precipitate the precipitate in equilibrium with (Al), e.g. "Al3Sc (L12)"
     * @param maxWtPct    upper end of the composition axis
     * @param minTempC    lower end of the temperature axis
     * @param maxTempC    upper end of the temperature axis
     * @param pureAlC     melting point of pure Al
     * @param liquidus    the liquidus with its band (empty where no model exists)
     * @param solvus      the solvus from {@code minTempC} up to the invariant
     * @param invariant   the eutectic (Al-Sc) or peritectic (Al-Zr)
     * @param alloy       the estimated alloy, or null when there is none
     */
    public record Diagram(Binary binary, String precipitate, double maxWtPct, double minTempC, double maxTempC, double pureAlC,
                          List<PhaseDiagram.Point> liquidus, List<PhaseDiagram.Point> solvus, PhaseDiagram.Invariant invariant,
                          Alloy alloy) {
    }

    private final DialogService dialogs;
    private Messages messages;
    private final ReadOnlyObjectProperty<PropertiesViewModel.Estimate> estimate;
    private final ObjectProperty<Binary> binary = new SimpleObjectProperty<>(this, "binary", Binary.AL_SC);
    private final StringProperty maxWtPctText = new SimpleStringProperty(this, "maxWtPctText", "");
    private final ReadOnlyStringWrapper maxWtPctError = new ReadOnlyStringWrapper(this, "maxWtPctError", "");
    private final ReadOnlyObjectWrapper<Diagram> diagram = new ReadOnlyObjectWrapper<>(this, "diagram");
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "");
    private double maxWtPct;

    /**
     * @param estimate the Properties screen's estimate, whose alloy is drawn
     */
    public PhaseDiagramViewModel(Messages messages, ReadOnlyObjectProperty<PropertiesViewModel.Estimate> estimate,
                                 DialogService dialogs) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.estimate = Objects.requireNonNull(estimate, "estimate");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        maxWtPct = binary.get().defaultMaxWtPct;
        maxWtPctText.set(format(maxWtPct));
        maxWtPctText.addListener((o, a, b) -> maxTyped(b));
        binary.addListener((o, a, b) -> resetZoom());
        estimate.addListener((o, a, b) -> redraw());
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
        maxWtPct = Math.max(SMALLEST_MAX_WT_PCT, Math.min(binary.get().largestMaxWtPct, wtPct));
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
            double largest = binary.get().largestMaxWtPct;
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
        Binary b = binary.get();
        PhaseDiagram d = b == Binary.AL_SC ? PhaseDiagram.alSc() : PhaseDiagram.alZr();
        Alloy alloy = alloy(b);
        double minC = MIN_TEMP_C;
        if (alloy != null && alloy.ageTempC() != null && alloy.ageTempC() < MIN_TEMP_C + 20) {
            // Show the ageing temperature: extend the axis down to the hundred below it.
            minC = 100 * Math.floor((alloy.ageTempC() - 20) / 100);
        }
        List<PhaseDiagram.Point> liquidus = d.liquidus(maxWtPct, CURVE_STEPS);
        double pureAlC = PhaseDiagram.alSc().liquidus(0, 1).get(0).tempC();
        diagram.set(new Diagram(b, d.precipitate(), maxWtPct, minC, MAX_TEMP_C, pureAlC, liquidus,
                d.solvus(minC, CURVE_STEPS), d.invariant(), alloy));
    }

    private Alloy alloy(Binary b) {
        PropertiesViewModel.Estimate e = estimate.get();
        if (e == null) {
            return null;
        }
        AlloyProperties p = e.properties();
        boolean liquidusModelled = b == Binary.AL_SC;
        return new Alloy(e.alloyName(), e.composition().pct(b.solute), e.ageing().tempC(),
                liquidusModelled ? p.liquidusC() : null, liquidusModelled ? p.liquidusUncertaintyC() : 0);
    }

    // ------------------------------------------------------------------ export

    /** Asks where to save and writes the diagram there as PNG; says so in the status, or shows why it failed. */
    public void exportPng(PngWriter writer) {
        String suggested = binary.get() == Binary.AL_SC ? "al-sc-phase-diagram.png" : "al-zr-solubility.png";
        Optional<Path> file = dialogs.chooseImageToSave(messages.get("diagram.export.title"), suggested);
        if (file.isEmpty()) {
            return;
        }
        try {
            writer.write(file.get());
            statusMessage.set(messages.get("diagram.export.done", file.get().toString()));
        } catch (IOException | RuntimeException e) {
            dialogs.showError(messages.get("diagram.export.failed.title"),
                    messages.get("diagram.export.failed.message", file.get().toString(), String.valueOf(e.getMessage())));
        }
    }

    // ------------------------------------------------------------------ language and state

    public void setMessages(Messages newMessages) {
        messages = Objects.requireNonNull(newMessages, "messages");
        maxWtPctText.set(format(maxWtPct));
        maxWtPctError.set("");
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

    public ReadOnlyObjectProperty<Diagram> diagramProperty() {
        return diagram.getReadOnlyProperty();
    }

    /** The outcome of the last export, in words. */
    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }
}
