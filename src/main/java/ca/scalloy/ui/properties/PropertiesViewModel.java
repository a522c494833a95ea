package ca.scalloy.ui.properties;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.props.Ageing;
import ca.scalloy.engine.props.AlloyProperties;
import ca.scalloy.engine.props.ModelNote;
import ca.scalloy.engine.props.PropertyCalculator;
import ca.scalloy.engine.props.StrengthContribution;
import ca.scalloy.engine.props.YieldStrength;
import ca.scalloy.ui.common.BackgroundExecutor;
import ca.scalloy.ui.common.ElementAmounts;
import ca.scalloy.ui.common.InputException;
import ca.scalloy.ui.common.LatestOnly;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Numbers;
import ca.scalloy.ui.common.PeakAgeing;
import ca.scalloy.ui.common.ProductSource;

/**
 * The Properties screen: every property estimate of one alloy (a typed composition, or the product
 * of the recipe open in the Batch screen) in one thermal state, with the model, source, validity and
 * confidence of each, the engine's warnings and the contributions to the yield strength. Estimates
 * are recomputed off the UI thread whenever an input changes; while the inputs are in error the last
 * estimate stays and {@link #staleProperty()} is true.
 */
public final class PropertiesViewModel {

    /** Where the alloy comes from. */
    public enum Input { COMPOSITION, RECIPE_PRODUCT }

    /** The views of the alloy the screen offers, one tab each. */
    public enum Tab { ESTIMATES, SCHEIL, EQUILIBRIUM, AGEING, DIAGRAM }

    /**
     * The alloy the screen is about, for the charts that follow it.
     *
     * @param name        the recipe's name, or empty for a typed composition
     * @param composition the alloy
     */
    public record Alloy(String name, Composition composition) {
        public Alloy {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(composition, "composition");
        }
    }

    /** The fields the user types in; errors are keyed by them. */
    public enum Field { COMPOSITION, AGE_TEMP_C, AGE_HOURS, HOLD_TEMP_C }

    /** The composition offered until the user types another: a Scalmalloy-like Al-Mg-Sc. */
    /** The alloy shown at first: Sc 0.3 %, Mg 4.5 % (balance Al), written in the user's decimal style. */
    static final Map<String, Double> DEFAULT_COMPOSITION_PCT = defaultCompositionPct();
    /** The holding temperatures the liquidus check accepts, as the command line does, °C. */
    static final double HOLD_MIN_C = 600;
    static final double HOLD_MAX_C = 1300;

    /**
     * What was estimated and the estimate.
     *
     * @param alloyName   the recipe's name, or empty for a typed composition
     * @param composition the alloy
     * @param ageing      its thermal state
     * @param properties  the engine's estimate
     */
    public record Estimate(String alloyName, Composition composition, Ageing ageing, AlloyProperties properties) {
    }

    private record Request(String alloyName, Composition composition, Ageing ageing, Double holdTempC) {
    }

    private final PropertyCalculator calculator;
    private final ProductSource products;
    private final LatestOnly<Request, Estimate> estimator;
    private Messages messages;
    /** False while the inputs give nothing to estimate: an estimate still under way is then not shown. */
    private boolean wanted;

    private final ObjectProperty<Input> input = new SimpleObjectProperty<>(this, "input", Input.RECIPE_PRODUCT);
    private final StringProperty compositionText = new SimpleStringProperty(this, "compositionText", "");
    private final BooleanProperty aged = new SimpleBooleanProperty(this, "aged", true);
    private final StringProperty ageTempText = new SimpleStringProperty(this, "ageTempText", "");
    private final StringProperty ageHoursText = new SimpleStringProperty(this, "ageHoursText", "");
    private final StringProperty holdTempText = new SimpleStringProperty(this, "holdTempText", "");
    private final ObjectProperty<Tab> tab = new SimpleObjectProperty<>(this, "tab", Tab.ESTIMATES);
    private final ReadOnlyObjectWrapper<Alloy> alloy = new ReadOnlyObjectWrapper<>(this, "alloy");

    private final ReadOnlyObjectWrapper<Estimate> estimate = new ReadOnlyObjectWrapper<>(this, "estimate");
    private final ReadOnlyStringWrapper alloyDescription = new ReadOnlyStringWrapper(this, "alloyDescription", "");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale", true);
    private final ReadOnlyBooleanWrapper calculating = new ReadOnlyBooleanWrapper(this, "calculating");
    private final ObservableMap<Field, String> errors = FXCollections.observableMap(new EnumMap<>(Field.class));
    private final ObservableMap<Field, String> errorsView = FXCollections.unmodifiableObservableMap(errors);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObservableList<PropertyRow> rows = FXCollections.observableArrayList();
    private final ObservableList<PropertyRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ObservableList<String> warningsView = FXCollections.unmodifiableObservableList(warnings);
    private final ObservableList<ContributionRow> contributions = FXCollections.observableArrayList();
    private final ObservableList<ContributionRow> contributionsView = FXCollections.unmodifiableObservableList(contributions);

    /**
     * @param products the product of the Batch screen's recipe, followed while {@link Input#RECIPE_PRODUCT} is chosen
     */
    public PropertiesViewModel(Messages messages, PropertyCalculator calculator, BackgroundExecutor executor,
                               ProductSource products) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.calculator = Objects.requireNonNull(calculator, "calculator");
        this.products = Objects.requireNonNull(products, "products");
        this.estimator = new LatestOnly<>(executor, this::compute, this::estimated, this::failed);
        compositionText.set(ElementAmounts.format(DEFAULT_COMPOSITION_PCT, messages.locale()));
        ageTempText.set(Numbers.forInput(PeakAgeing.TEMP_C, messages.locale()));
        ageHoursText.set(Numbers.forInput(PeakAgeing.HOURS, messages.locale()));
        input.addListener((o, a, b) -> inputsChanged());
        compositionText.addListener((o, a, b) -> inputsChanged());
        aged.addListener((o, a, b) -> inputsChanged());
        ageTempText.addListener((o, a, b) -> inputsChanged());
        ageHoursText.addListener((o, a, b) -> inputsChanged());
        holdTempText.addListener((o, a, b) -> inputsChanged());
        products.productProperty().addListener((o, a, b) -> {
            if (input.get() == Input.RECIPE_PRODUCT) {
                inputsChanged();
            }
        });
        inputsChanged();
    }

    // ------------------------------------------------------------------ reading the inputs

    private void inputsChanged() {
        Map<Field, String> found = new EnumMap<>(Field.class);
        Optional<Request> request = readRequest(found);
        showProblems(found);
        stale.set(true);
        wanted = request.isPresent();
        if (request.isEmpty()) {
            estimator.cancelWaiting();
            return;
        }
        calculating.set(true);
        estimator.request(request.get());
    }

    private void showProblems(Map<Field, String> found) {
        errors.clear();
        errors.putAll(found);
        List<String> why = new ArrayList<>();
        if (input.get() == Input.RECIPE_PRODUCT && products.productProperty().get() == null) {
            why.add(messages.get("properties.noProduct"));
        }
        why.addAll(found.values());
        problems.setAll(why);
    }

    private Optional<Request> readRequest(Map<Field, String> found) {
        String name = "";
        Composition composition = null;
        if (input.get() == Input.RECIPE_PRODUCT) {
            ProductSource.Product product = products.productProperty().get();
            if (product == null) {
                alloyDescription.set("");
            } else {
                name = product.recipeName();
                composition = product.composition();
                alloyDescription.set(messages.get("properties.productOf", name, describe(composition)));
            }
        } else {
            composition = readComposition(found);
            alloyDescription.set(composition == null ? "" : describe(composition));
        }
        alloy.set(composition == null ? null : new Alloy(name, composition));
        Ageing ageing = readAgeing(found);
        Double holdC = readHoldTemp(found);
        if (composition == null || !found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Request(name, composition, ageing, holdC));
    }

    private Composition readComposition(Map<Field, String> found) {
        try {
            return new Composition(ElementAmounts.parse(compositionText.get()), "Al");
        } catch (InputException e) {
            found.put(Field.COMPOSITION, fieldError(Field.COMPOSITION, e.localized(messages)));
        } catch (IllegalArgumentException e) {
            found.put(Field.COMPOSITION, fieldError(Field.COMPOSITION,
                    MessageWords.failure(e, messages)));
        }
        return null;
    }

    private Ageing readAgeing(Map<Field, String> found) {
        if (!aged.get()) {
            return Ageing.asCast();
        }
        Double tempC = readNumber(Field.AGE_TEMP_C, ageTempText.get(), found);
        Double hours = readNumber(Field.AGE_HOURS, ageHoursText.get(), found);
        if (tempC == null || hours == null) {
            return null;
        }
        try {
            return Ageing.aged(tempC, hours);
        } catch (IllegalArgumentException e) {
            boolean hoursWrong = MessageWords.refusedField(e).equals("ageHours");
            Field f = hoursWrong ? Field.AGE_HOURS : Field.AGE_TEMP_C;
            String text = hoursWrong ? messages.get("properties.error.ageHoursRange", fmt(hours, 0, 3))
                    : messages.get("properties.error.ageTempRange", fmt(tempC, 0, 1));
            found.put(f, fieldError(f, text));
            return null;
        }
    }

    private Double readHoldTemp(Map<Field, String> found) {
        if (holdTempText.get() == null || holdTempText.get().isBlank()) {
            return null;
        }
        Double c = readNumber(Field.HOLD_TEMP_C, holdTempText.get(), found);
        if (c != null && (c < HOLD_MIN_C || c > HOLD_MAX_C)) {
            found.put(Field.HOLD_TEMP_C, fieldError(Field.HOLD_TEMP_C, messages.get("properties.error.holdRange",
                    fmt(HOLD_MIN_C, 0, 0), fmt(HOLD_MAX_C, 0, 0), fmt(c, 0, 1))));
            return null;
        }
        return c;
    }

    /** A required number; records a missing or unreadable one as the field's error. */
    private Double readNumber(Field f, String text, Map<Field, String> found) {
        try {
            Double v = Numbers.parseOptional(text);
            if (v == null) {
                found.put(f, fieldError(f, messages.get("properties.error.required")));
            }
            return v;
        } catch (InputException e) {
            found.put(f, fieldError(f, e.localized(messages)));
            return null;
        }
    }

    private String fieldError(Field f, String what) {
        return messages.get("error.at", messages.label("properties.field", f), what);
    }

    /** "Mg 4.45 · Mn 0.5 · Sc 0.7 wt%, balance Al". */
    private String describe(Composition c) {
        List<String> parts = new ArrayList<>();
        c.wtPct().forEach((el, v) -> parts.add(el + " " + fmt(v, 0, 3)));
        return messages.get("properties.compositionText", String.join(" · ", parts), c.balanceElement());
    }

    // ------------------------------------------------------------------ estimating

    private Estimate compute(Request r) {
        return new Estimate(r.alloyName(), r.composition(), r.ageing(), calculator.compute(r.composition(), r.ageing(),
                r.holdTempC()));
    }

    private void estimated(Estimate e) {
        calculating.set(false);
        if (!wanted) {
            return;
        }
        estimate.set(e);
        stale.set(false);
        showEstimate();
    }

    private void failed(Throwable error) {
        calculating.set(false);
        if (!wanted) {
            return;
        }
        problems.setAll(MessageWords.refusedField(error).equals("balanceElement") ? messages.get("properties.error.notAluminium")
                : MessageWords.failure(error, messages, "properties.error.failed"));
    }

    private void showEstimate() {
        Estimate e = estimate.get();
        if (e == null) {
            return;
        }
        AlloyProperties p = e.properties();
        rows.setAll(rowsOf(e.composition(), p));
        warnings.setAll(MessageWords.of(p.warnings(), messages));
        List<ContributionRow> bars = new ArrayList<>();
        YieldStrength ys = p.yieldStrength();
        for (StrengthContribution c : ys.contributions()) {
            bars.add(new ContributionRow(MessageWords.of(c.label(), messages), c.valueMPa(), c.lowMPa(),
                    c.highMPa(), false));
        }
        bars.add(new ContributionRow(messages.get("contribution.total"), ys.valueMPa(), ys.lowMPa(), ys.highMPa(), true));
        contributions.setAll(bars);
    }

    private List<PropertyRow> rowsOf(Composition c, AlloyProperties p) {
        List<PropertyRow> out = new ArrayList<>();
        out.add(row("density", fmt(p.densityGPerCm3(), 3, 3), "g/cm³", p, "density"));
        String liquidus = messages.get("properties.plusMinus", fmt(p.liquidusC(), 0, 0), fmt(p.liquidusUncertaintyC(), 0, 0));
        out.add(row("liquidus", p.hypereutectic() ? messages.get("properties.hypereutectic", liquidus) : liquidus, "°C", p,
                "liquidus"));
        out.add(row("solidus", fmt(p.solidusC(), 0, 0), "°C", p, "solidus"));
        if (p.scSolvusC() != null) {
            out.add(row("scSolvus", fmt(p.scSolvusC(), 0, 0), "°C", p, "Sc solvus"));
        }
        if (p.scSolubilityWtPctAtAgeTemp() != null) {
            out.add(row("scSolubilityAtAgeTemp", fmt(p.scSolubilityWtPctAtAgeTemp(), 3, 4), "wt%", p, "Sc solvus"));
        }
        out.add(row("scInSolution", messages.get("properties.wtAndAt", fmt(p.scInSolutionWtPct(), 3, 4),
                fmt(p.scInSolutionAtPct(), 3, 4)), "wt%", p, "Al3Sc"));
        out.add(row("al3ScVolume", fmt(p.al3ScVolumePct(), 2, 3), "vol%", p, "Al3Sc"));
        if (p.al3ScRadiusNm() != null) {
            out.add(row("al3ScRadius", fmt(p.al3ScRadiusNm(), 2, 2), "nm", p, "Al3Sc"));
        }
        if (p.zrSolvusC() != null) {
            out.add(row("zrSolvus", fmt(p.zrSolvusC(), 0, 0), "°C", p, "Zr solvus"));
        }
        if (c.pct("Zr") > 0) {
            out.add(row("zrInSolution", fmt(p.zrInSolutionWtPct(), 3, 4), "wt%", p, "solid solution"));
        }
        out.add(row("grainSize", fmt(p.grainSizeUm(), 0, 0), "µm", p, "yield strength"));
        YieldStrength ys = p.yieldStrength();
        out.add(row("yieldStrength", messages.get("properties.estimateWithBand", fmt(ys.valueMPa(), 0, 0),
                fmt(ys.lowMPa(), 0, 0), fmt(ys.highMPa(), 0, 0)), "MPa", p, "yield strength"));
        out.add(row("resistivity", fmt(p.resistivityMicroOhmCm(), 3, 3), "µΩ·cm", p, "resistivity"));
        out.add(row("conductivity", fmt(p.conductivityPctIACS(), 1, 1), "% IACS", p, "resistivity"));
        out.add(row("growthRestriction", fmt(p.growthRestrictionQ(), 1, 2), "K", p, "growth restriction"));
        return out;
    }

    private PropertyRow row(String id, String value, String unit, AlloyProperties p, String noteProperty) {
        Optional<ModelNote> note = p.models().stream().filter(n -> n.property().equals(noteProperty)).findFirst();
        String none = messages.get("properties.none");
        return new PropertyRow(id, messages.get("property." + id), value, unit,
                note.map(n -> MessageWords.of(n.model(), messages)).orElse(none),
                note.map(n -> MessageWords.of(n.source(), messages)).orElse(none),
                note.map(n -> MessageWords.of(n.validity(), messages)).orElse(none), note.map(n -> tag(n.tag())).orElse(none));
    }

    private String tag(String tag) {
        String key = "properties.tag." + tag;
        return messages.has(key) ? messages.get(key) : tag;
    }

    private String fmt(double v, int minDecimals, int maxDecimals) {
        return Numbers.flexible(v, minDecimals, maxDecimals, messages.locale());
    }

    private static Map<String, Double> defaultCompositionPct() {
        Map<String, Double> pct = new java.util.LinkedHashMap<>();
        pct.put("Sc", 0.3);
        pct.put("Mg", 4.5);
        return java.util.Collections.unmodifiableMap(pct);
    }

    // ------------------------------------------------------------------ language

    /** Switches the language of every message this view model makes, and redoes the current ones. */
    public void setMessages(Messages newMessages) {
        messages = Objects.requireNonNull(newMessages, "messages");
        Map<Field, String> found = new EnumMap<>(Field.class);
        readRequest(found);
        showProblems(found);
        showEstimate();
    }

    public Messages messages() {
        return messages;
    }

    // ------------------------------------------------------------------ state for the view

    public ObjectProperty<Input> inputProperty() {
        return input;
    }

    /** The composition typed, e.g. "Sc=0.3, Mg=4.5" (balance Al). */
    public StringProperty compositionTextProperty() {
        return compositionText;
    }

    /** True: aged at the given temperature and time; false: as cast. */
    public BooleanProperty agedProperty() {
        return aged;
    }

    public StringProperty ageTempTextProperty() {
        return ageTempText;
    }

    public StringProperty ageHoursTextProperty() {
        return ageHoursText;
    }

    /** The planned melt holding temperature, °C, checked against the liquidus; empty for none. */
    public StringProperty holdTempTextProperty() {
        return holdTempText;
    }

    /** The view of the alloy shown (kept across a change of language). */
    public ObjectProperty<Tab> tabProperty() {
        return tab;
    }

    /**
     * The alloy the inputs name (the Batch product, or the composition typed), whatever the state fields
     * say; null while there is none or the composition is in error. Changes only when the alloy does.
     */
    public ReadOnlyObjectProperty<Alloy> alloyProperty() {
        return alloy.getReadOnlyProperty();
    }

    /** The last estimate; null before the first. */
    public ReadOnlyObjectProperty<Estimate> estimateProperty() {
        return estimate.getReadOnlyProperty();
    }

    /** What alloy is estimated, in words; or why there is none. */
    public ReadOnlyStringProperty alloyDescriptionProperty() {
        return alloyDescription.getReadOnlyProperty();
    }

    /** True when the estimate shown is not that of the inputs shown. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty calculatingProperty() {
        return calculating.getReadOnlyProperty();
    }

    /** The error on each field in error, in words naming the field. */
    public ObservableMap<Field, String> errors() {
        return errorsView;
    }

    /** Why there is no estimate for the inputs shown: field errors, no product, or a failure; empty when there is one. */
    public ObservableList<String> problems() {
        return problemsView;
    }

    public ObservableList<PropertyRow> rows() {
        return rowsView;
    }

    /** The engine's warnings, in the user's language where their wording is known. */
    public ObservableList<String> warnings() {
        return warningsView;
    }

    /** The yield-strength contributions, then their total. */
    public ObservableList<ContributionRow> contributions() {
        return contributionsView;
    }
}
