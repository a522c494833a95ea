package ca.scalloy.ui.batch;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.PropertyTarget;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.charge.StrengthCostCurve;
import ca.scalloy.engine.kinetics.AgeingSchedule;
import ca.scalloy.engine.thermo.ProcessRoute;
import ca.scalloy.ui.common.BackgroundExecutor;
import ca.scalloy.ui.common.LatestOnly;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Numbers;
import ca.scalloy.ui.common.PeakAgeing;

/**
 * The chart of cost against the strength asked for (issue 14, point 2): the least cost of the recipe's charge at
 * {@link #LEVELS} levels of the minimum yield strength ({@link StrengthCostCurve}). It costs a property-targeted
 * solve per level, so it is computed on the models worker only while the panel is shown, and a newer charge (or an
 * edit) supersedes a sweep under way.
 */
public final class StrengthCostViewModel {

    /** Levels of the minimum yield swept. */
    static final int LEVELS = 10;

    /** One reachable level: the minimum asked and the least cost. */
    public record Level(double minYieldMPa, double cost) {
    }

    private final LatestOnly<Recipe, StrengthCostCurve.Curve> worker;
    private Messages messages;
    private boolean shown;
    /** The recipe of the charge on show, waiting for the panel to be shown; null when there is none. */
    private Recipe pending;
    private Recipe swept;
    private StrengthCostCurve.Curve last;

    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final ReadOnlyStringWrapper outOfReach = new ReadOnlyStringWrapper(this, "outOfReach", "");
    private final ObservableList<Level> levels = FXCollections.observableArrayList();
    private final ObservableList<Level> levelsView = FXCollections.unmodifiableObservableList(levels);
    private final ReadOnlyObjectWrapper<Level> current = new ReadOnlyObjectWrapper<>(this, "current");
    /** The range of the levels asked, reachable or not: the chart's horizontal axis. */
    private final ReadOnlyObjectWrapper<double[]> range = new ReadOnlyObjectWrapper<>(this, "range");

    /**
     * @param judged what the batch solved for a recipe (the recipe with the default spreads laid on when it asks a
     *               confidence and states none); called on the worker
     */
    public StrengthCostViewModel(Messages messages, ChargeCalculator calculator, BackgroundExecutor executor, UnaryOperator<Recipe> judged) {
        this.messages = Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(calculator, "calculator");
        Objects.requireNonNull(judged, "judged");
        this.worker = new LatestOnly<>(executor, (Recipe r, ca.scalloy.engine.Progress p) -> StrengthCostCurve.sweep(calculator,
                new StrengthCostCurve.Request(judged.apply(r), defaultProcess(r), defaultSchedule(r), LEVELS), p),
                this::show, this::failed);
    }

    /** Without a yield target, the route of the recipe's first property target, else CAST. */
    private static ProcessRoute defaultProcess(Recipe r) {
        return r.propertyTargets().isEmpty() ? ProcessRoute.CAST : r.propertyTargets().get(0).process();
    }

    /** Without a yield target, the schedule of the recipe's first property target, else the usual peak ageing. */
    private static AgeingSchedule defaultSchedule(Recipe r) {
        List<PropertyTarget> t = r.propertyTargets();
        return t.isEmpty() ? AgeingSchedule.of(PeakAgeing.TEMP_C, PeakAgeing.HOURS) : t.get(0).schedule();
    }

    /** The panel is shown (or hidden): a charge waiting is swept now; a sweep under way for a hidden panel is dropped. */
    public void setShown(boolean isShown) {
        shown = isShown;
        if (!shown) {
            worker.cancelAll();
            if (swept != null && last == null) {
                // Dropped before it ended: swept again when the panel comes back.
                pending = swept;
                swept = null;
            }
            return;
        }
        if (pending != null) {
            Recipe r = pending;
            pending = null;
            swept = r;
            start(r);
        }
    }

    /** A new charge of {@code recipe} is on show: its curve is wanted (now if the panel is shown). */
    void request(Recipe recipe) {
        if (recipe.equals(swept) && last != null) {
            stale.set(false);
            return;
        }
        last = null;
        stale.set(true);
        if (shown) {
            pending = null;
            swept = recipe;
            start(recipe);
        } else {
            worker.cancelAll();
            pending = recipe;
        }
    }

    private void start(Recipe r) {
        stale.set(true);
        if (levels.isEmpty()) {
            caption.set(messages.get("strength.calculating"));
        }
        worker.request(r);
    }

    /** The recipe changed: a sweep under way is no longer wanted, and what is shown is stale until the next charge. */
    void superseded() {
        worker.cancelAll();
        pending = null;
        if (!levels.isEmpty() || last != null) {
            stale.set(true);
        }
    }

    /** No charge: nothing to sweep. */
    void clear() {
        worker.cancelAll();
        pending = null;
        swept = null;
        last = null;
        stale.set(false);
        fill();
    }

    void setMessages(Messages newMessages) {
        messages = newMessages;
        fill();
    }

    private void show(StrengthCostCurve.Curve curve) {
        last = curve;
        stale.set(false);
        fill();
    }

    private void failed(Throwable error) {
        last = null;
        stale.set(false);
        fill();
        caption.set(MessageWords.failure(error, messages, "strength.failed"));
    }

    private void fill() {
        StrengthCostCurve.Curve c = last;
        levels.clear();
        current.set(null);
        range.set(null);
        outOfReach.set("");
        if (c == null) {
            caption.set(swept == null && pending == null ? messages.get("strength.none") : messages.get("strength.calculating"));
            return;
        }
        if (c.points().isEmpty()) {
            caption.set(messages.get("strength.noCharge"));
            return;
        }
        String after = c.schedule() == null ? messages.get("strength.after", messages.get("ageing.route." + c.process().name()))
                : messages.get("strength.afterAged", messages.get("ageing.route." + c.process().name()), c.schedule().toString());
        caption.set(c.targetMPa() == null ? messages.get("strength.caption.swept", after)
                : messages.get("strength.caption.target", after, num(c.targetMPa(), 0)));
        double firstOut = Double.NaN;
        double highest = Double.NaN;
        for (StrengthCostCurve.Point p : c.points()) {
            if (p.feasible()) {
                levels.add(new Level(p.minYieldMPa(), p.cost()));
            } else if (Double.isNaN(firstOut)) {
                firstOut = p.minYieldMPa();
                highest = p.yieldMPa();
            }
        }
        if (!Double.isNaN(firstOut)) {
            outOfReach.set(Double.isNaN(highest) ? messages.get("strength.outOfReach", num(firstOut, 0))
                    : messages.get("strength.outOfReachHighest", num(firstOut, 0), num(highest, 0)));
        }
        List<StrengthCostCurve.Point> all = c.points();
        range.set(new double[] {all.get(0).minYieldMPa(), all.get(all.size() - 1).minYieldMPa()});
        if (c.current() != null) {
            current.set(new Level(c.current().minYieldMPa(), c.current().cost()));
        }
    }

    private String num(double v, int decimals) {
        return Numbers.fixed(v, decimals, messages.locale());
    }

    /** Whether what is shown belongs to an earlier charge (a sweep is on its way, or waits for the panel). */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** How far the sweep under way got, 0..1, or {@link LatestOnly#IDLE}. */
    public ReadOnlyDoubleProperty progressProperty() {
        return worker.progressProperty();
    }

    /** What the curve is of: "Least cost for each minimum yield strength after …; this recipe asks 420 MPa". */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** The levels no charge reaches, in words; empty when every level is reachable. */
    public ReadOnlyStringProperty outOfReachProperty() {
        return outOfReach.getReadOnlyProperty();
    }

    /** The reachable levels, rising. */
    public ObservableList<Level> levels() {
        return levelsView;
    }

    /** The charge on show on the curve's axes: the minimum it asks (its own yield when it asks none) and its cost. */
    public ReadOnlyObjectProperty<Level> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The lowest and highest level asked (MPa), reachable or not; null without a curve. */
    public ReadOnlyObjectProperty<double[]> rangeProperty() {
        return range.getReadOnlyProperty();
    }
}
