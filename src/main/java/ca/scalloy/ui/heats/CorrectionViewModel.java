package ca.scalloy.ui.heats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeLine;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.charge.TrimCalculator;
import ca.scalloy.engine.heat.HeatMelt;
import ca.scalloy.engine.heat.HeatRecord;
import ca.scalloy.engine.heat.HeatSample;
import ca.scalloy.engine.heat.SampleCheck;
import ca.scalloy.store.Database;
import ca.scalloy.ui.common.DiagnosisWords;
import ca.scalloy.ui.common.InputException;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Numbers;

/**
 * The correction panel of a heat: the additions ({@link TrimCalculator}) that bring the melt back
 * inside the recipe's limits after a failing sample, for the metal in the furnace and its free
 * capacity, ready to weigh; "Accept" records them on the heat, which moves to CORRECTED.
 */
public final class CorrectionViewModel {

    /** One addition to weigh. */
    public record Addition(String materialId, String name, double massKg) {
    }

    private record Proposal(double meltKg, ChargeResult result, List<String> outside) {
    }

    private final LibraryStore store;
    private final ChargeCalculator calculator;
    private final Runnable onAccepted;
    private Messages messages;
    private String heatNumber;
    /** The revision of the heat the correction was worked out for: recording it is refused when the heat changed since. */
    private int heatRevision;
    private HeatSample sample;
    private Proposal proposal;

    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final StringProperty meltKg = new SimpleStringProperty(this, "meltKg", "");
    private final StringProperty capacityKg = new SimpleStringProperty(this, "capacityKg", "");
    private final ObservableList<Addition> additions = FXCollections.observableArrayList();
    private final ObservableList<String> diagnosis = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper canAccept = new ReadOnlyBooleanWrapper(this, "canAccept");
    private final ReadOnlyBooleanWrapper calculating = new ReadOnlyBooleanWrapper(this, "calculating");

    CorrectionViewModel(Messages messages, LibraryStore store, ChargeCalculator calculator, Runnable onAccepted) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.store = Objects.requireNonNull(store, "store");
        this.calculator = Objects.requireNonNull(calculator, "calculator");
        this.onAccepted = Objects.requireNonNull(onAccepted, "onAccepted");
    }

    /**
     * Opens the panel for {@code failing} on {@code heat}: the melt is the metal in the furnace now
     * ({@link HeatMelt}: the planned product mass, or the metal after the last accepted correction);
     * the additions are computed at once.
     */
    void open(HeatRecord heat, HeatSample failing) {
        heatNumber = heat.heat().number();
        heatRevision = heat.heat().revision();
        sample = failing;
        meltKg.set("");
        title.set(messages.get("heats.correction.for", failing.analysis().sampleNumber(), outside(failing)));
        shown.set(true);
        Database db = store.database();
        if (db == null) {
            return;
        }
        String number = heatNumber;
        calculating.set(true);
        store.executor().run(() -> HeatMelt.nowKg(heat, db.heats().recipeOf(number), new TrimCalculator(calculator)), melt -> {
            calculating.set(false);
            if (number.equals(heatNumber)) {
                meltKg.set(Numbers.forInput(melt, messages.locale()));
                recalculate();
            }
        }, e -> {
            calculating.set(false);
            diagnosis.setAll(MessageWords.failure(e, messages));
        });
    }

    /** Computes the additions again for the melt and capacity as typed. */
    public void recalculate() {
        Database db = store.database();
        if (db == null || heatNumber == null) {
            return;
        }
        double melt;
        Double capacity;
        try {
            melt = positive(meltKg.get());
            capacity = Numbers.parseOptional(capacityKg.get());
            if (capacity != null && capacity < 0) {
                throw new InputException("heats.correction.badCapacity", "capacity must be >= 0", capacityKg.get());
            }
        } catch (InputException e) {
            proposal = null;
            additions.clear();
            canAccept.set(false);
            diagnosis.setAll(e.localized(messages));
            summary.set("");
            return;
        }
        String number = heatNumber;
        HeatSample s = sample;
        calculating.set(true);
        canAccept.set(false);
        store.executor().run(() -> {
            Recipe recipe = db.heats().recipeOf(number);
            Map<String, Double> analysis = new LinkedHashMap<>(s.analysis().wtPct());
            analysis.remove(recipe.balanceElement());
            ChargeResult r = new TrimCalculator(calculator).trim(recipe, melt, analysis, capacity);
            return new Proposal(melt, r, s.failures().stream().map(SampleCheck::element).toList());
        }, this::show, e -> {
            calculating.set(false);
            proposal = null;
            additions.clear();
            diagnosis.setAll(MessageWords.failure(e, messages));
        });
    }

    private static double positive(String text) {
        Double v = Numbers.parseOptional(text);
        if (v == null || v <= 0) {
            throw new InputException("heats.correction.badMelt", "melt must be > 0", text == null ? "" : text);
        }
        return v;
    }

    private void show(Proposal p) {
        calculating.set(false);
        proposal = p;
        if (!p.result().solved()) {
            additions.clear();
            diagnosis.setAll(p.result().diagnosis().stream().map(d -> DiagnosisWords.describe(d, messages)).toList());
            summary.set(messages.get("heats.correction.infeasible"));
            canAccept.set(false);
            return;
        }
        additions.setAll(p.result().charge().stream().filter(l -> l.massKg() > 0)
                .map(l -> new Addition(l.materialId(), l.name(), l.massKg())).toList());
        diagnosis.clear();
        ChargeResult r = p.result();
        double total = additions.stream().mapToDouble(Addition::massKg).sum();
        // The melt after, cost and CO2 are the trim's own (TrimCalculator's product, metal only), as `trim` prints them.
        summary.set(additions.isEmpty() ? messages.get("heats.correction.nothing")
                : messages.get("heats.correction.total", messages.quantities().kgFineNumber(total),
                messages.quantities().kgNumber(r.productMassKg()), messages.quantities().money(r.costTotal()),
                messages.quantities().number(r.co2TotalKg(), 2, 2)));
        canAccept.set(true);
    }

    /** Records the proposed additions on the heat (it moves to CORRECTED) and closes the panel. */
    public void accept() {
        Database db = store.database();
        Proposal p = proposal;
        if (db == null || p == null || !p.result().solved()) {
            return;
        }
        Map<String, Double> kg = new LinkedHashMap<>();
        for (ChargeLine l : p.result().charge()) {
            kg.put(l.materialId(), l.massKg());
        }
        String number = heatNumber;
        String sampleNumber = sample.analysis().sampleNumber();
        String reason = p.outside().isEmpty() ? messages.get("heats.correction.reasonTrim")
                : messages.get("heats.correction.reason", String.join(", ", p.outside()));
        canAccept.set(false);
        int revision = heatRevision;
        store.executor().run(() -> db.heats().addCorrection(number, sampleNumber, p.meltKg(), kg, reason, revision), c -> {
            close();
            onAccepted.run();
        }, e -> {
            canAccept.set(true);
            diagnosis.setAll(messages.get("heats.correction.refused", HeatWords.failure(e, messages)));
            if (store.explainSaveFailure(messages.get("heats.correction.section"), e, false) == LibraryStore.SaveProblem.RELOAD) {
                // The heat changed under the proposal: it is worked out again from the heat as it is now.
                close();
                onAccepted.run();
            }
        });
    }

    /** Closes the panel without recording anything. */
    public void close() {
        shown.set(false);
        proposal = null;
        heatNumber = null;
        sample = null;
        additions.clear();
        diagnosis.clear();
        summary.set("");
        canAccept.set(false);
    }

    private String outside(HeatSample s) {
        List<String> fails = s.failures().stream().map(SampleCheck::element).toList();
        return String.join(", ", fails);
    }

    void setMessages(Messages newMessages) {
        messages = Objects.requireNonNull(newMessages, "messages");
        if (proposal != null) {
            show(proposal);
        }
    }

    /** Whether the panel is open. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Which sample it corrects and the elements outside. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The metal in the furnace now, kg, as typed. */
    public StringProperty meltKgProperty() {
        return meltKg;
    }

    /** The furnace's free capacity (the most that may be added), kg, as typed; blank for no limit. */
    public StringProperty capacityKgProperty() {
        return capacityKg;
    }

    /** The additions to weigh. */
    public ObservableList<Addition> additions() {
        return additions;
    }

    /** Why no correction meets the limits, in words (empty when one does). */
    public ObservableList<String> diagnosis() {
        return diagnosis;
    }

    /** The total added, the melt after (metal only), the additions' cost and CO2, or why there is nothing to add. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canAcceptProperty() {
        return canAccept.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty calculatingProperty() {
        return calculating.getReadOnlyProperty();
    }
}
