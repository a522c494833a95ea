package ca.scalloy.ui.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Progress;
import ca.scalloy.engine.kinetics.AgeingDesign;
import ca.scalloy.engine.kinetics.AgeingPoint;
import ca.scalloy.engine.kinetics.AgeingResult;
import ca.scalloy.engine.kinetics.AgeingSchedule;
import ca.scalloy.engine.kinetics.AgeingStep;
import ca.scalloy.engine.kinetics.PrecipitationKinetics;
import ca.scalloy.engine.kinetics.StartingState;
import ca.scalloy.engine.thermo.ProcessRoute;
import ca.scalloy.ui.common.BackgroundExecutor;
import ca.scalloy.ui.common.DialogService;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Numbers;
import ca.scalloy.ui.common.PeakAgeing;

/**
 * Ageing the alloy of the Properties screen: yield strength against time (log scale) at several
 * temperatures from the precipitation kinetics, the schedule the user types marked on them, the peak
 * of each temperature and the strongest schedule found within a day; for a process route (what
 * (Al) holds before ageing). Everything runs off the UI thread while the chart is on screen: the
 * curves of an alloy and route are kept, so that a new schedule only simulates that schedule; the
 * suggestion (about seventy simulations) follows on its own and is superseded by the next alloy or
 * route.
 */
public final class AgeingViewModel {

    /** The isothermal curves drawn, degrees C. */
    public static final List<Double> CURVE_TEMPS_C = List.of(250.0, 300.0, 325.0, 350.0, 400.0, 450.0);
    /** Each curve runs this long, h (the time axis starts a thousandth of it in: 0.1 h). */
    static final double CURVE_HOURS = 100;
    /** The suggested schedule fits in this time, h: a day in the furnace. */
    static final double SUGGEST_WITHIN_HOURS = 24;
    /** The schedule offered until the user types another: the usual peak ageing. */
    static final String DEFAULT_SCHEDULE = AgeingSchedule.of(PeakAgeing.TEMP_C, PeakAgeing.HOURS).toString();

    private record Request(PropertiesViewModel.Alloy alloy, ProcessRoute route, AgeingSchedule schedule) {
    }

    /** The curves of an alloy made by a route, kept while only the schedule changes. */
    private record Curves(PropertiesViewModel.Alloy alloy, ProcessRoute route, StartingState start, List<AgeingResult> isothermal) {
        boolean of(PropertiesViewModel.Alloy a, ProcessRoute r) {
            return alloy.equals(a) && route == r;
        }
    }

    private record Outcome(Request request, Curves curves, AgeingResult schedule) {
    }

    private record SuggestionRequest(PropertiesViewModel.Alloy alloy, ProcessRoute route) {
    }

    private record SuggestionOutcome(SuggestionRequest request, AgeingDesign.Suggestion suggestion) {
    }

    private final PrecipitationKinetics model;
    private final AgeingDesign design;
    private final BiFunction<Composition, ProcessRoute, StartingState> states;
    private final ReadOnlyObjectProperty<PropertiesViewModel.Alloy> alloy;
    private Messages messages;
    private final StringProperty scheduleText = new SimpleStringProperty(this, "scheduleText", DEFAULT_SCHEDULE);
    private final ObjectProperty<ProcessRoute> route = new SimpleObjectProperty<>(this, "route", ProcessRoute.CAST);
    private final ReadOnlyStringWrapper scheduleError = new ReadOnlyStringWrapper(this, "scheduleError", "");
    private final ReadOnlyStringWrapper suggestionText = new ReadOnlyStringWrapper(this, "suggestionText", "");
    private final ReadOnlyBooleanWrapper suggestionAvailable = new ReadOnlyBooleanWrapper(this, "suggestionAvailable");
    private final Recalculation<Request, Outcome> calculation;
    private final Recalculation<SuggestionRequest, SuggestionOutcome> suggesting;
    private final ChartState chart;
    /** Written and read on the worker: the curves last calculated. */
    private volatile Curves kept;
    private Outcome last;
    private SuggestionOutcome suggestion;

    /**
     * @param states what (Al) holds after each process route (the thermodynamic core's, {@code StartingStates::of})
     * @param alloy  the Properties screen's alloy, followed
     */
    public AgeingViewModel(Messages messages, PrecipitationKinetics model, BiFunction<Composition, ProcessRoute, StartingState> states, BackgroundExecutor executor,
                           DialogService dialogs, ReadOnlyObjectProperty<PropertiesViewModel.Alloy> alloy) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.model = Objects.requireNonNull(model, "model");
        this.design = new AgeingDesign(model);
        this.states = Objects.requireNonNull(states, "states");
        this.alloy = Objects.requireNonNull(alloy, "alloy");
        this.calculation = new Recalculation<>(executor, this::compute, this::calculated, this::explain);
        this.suggesting = new Recalculation<>(executor, this::suggest, this::suggested, this::explain);
        this.chart = new ChartState(calculation, dialogs, () -> this.messages, () -> "ageing.png");
        ChartState.activeWhileShown(calculation, List.of(chart));
        suggesting.activeProperty().bind(chart.activeProperty());
        calculation.problemProperty().addListener((o, a, b) -> problems());
        suggesting.problemProperty().addListener((o, a, b) -> showSuggestion());
        suggesting.calculatingProperty().addListener((o, a, b) -> showSuggestion());
        alloy.addListener((o, a, b) -> inputsChanged());
        scheduleText.addListener((o, a, b) -> inputsChanged());
        route.addListener((o, a, b) -> inputsChanged());
        inputsChanged();
    }

    // ------------------------------------------------------------------ inputs

    private void inputsChanged() {
        PropertiesViewModel.Alloy a = alloy.get();
        AgeingSchedule schedule = readSchedule();
        calculation.input(a == null || schedule == null ? null : new Request(a, route.get(), schedule));
        suggesting.input(a == null ? null : new SuggestionRequest(a, route.get()));
        problems();
        showSuggestion();
    }

    /** The schedule typed, or null with the reason on {@link #scheduleErrorProperty()}. */
    private AgeingSchedule readSchedule() {
        try {
            AgeingSchedule s = AgeingSchedule.parse(scheduleText.get().replace(';', ','));
            scheduleError.set("");
            return s;
        } catch (IllegalArgumentException e) {
            scheduleError.set(MessageWords.failure(e, messages));
            return null;
        }
    }

    private void problems() {
        String p = calculation.problemProperty().get();
        if (p.isEmpty() && alloy.get() == null) {
            p = messages.get("chart.noAlloy");
        } else if (p.isEmpty() && !scheduleError.get().isEmpty()) {
            p = messages.get("ageing.error.schedule", scheduleError.get());
        }
        chart.problem(p);
    }

    // ------------------------------------------------------------------ calculating (worker)

    private Outcome compute(Request r, Progress progress) {
        Curves c = kept;
        if (c == null || !c.of(r.alloy(), r.route())) {
            progress.checkCancelled();
            StartingState start = states.apply(r.alloy().composition(), r.route());
            progress.done(0.15);
            List<AgeingResult> isothermal = design.curves(r.alloy().composition(), start, CURVE_TEMPS_C, CURVE_HOURS, progress.part(0.15, 0.95));
            c = new Curves(r.alloy(), r.route(), start, isothermal);
            kept = c;
        }
        progress.checkCancelled();
        AgeingResult schedule = model.simulate(r.alloy().composition(), c.start(), r.schedule());
        progress.done(1);
        return new Outcome(r, c, schedule);
    }

    private SuggestionOutcome suggest(SuggestionRequest r, Progress progress) {
        Curves c = kept;
        StartingState start = c != null && c.of(r.alloy(), r.route()) ? c.start() : states.apply(r.alloy().composition(), r.route());
        return new SuggestionOutcome(r, design.suggest(r.alloy().composition(), start, SUGGEST_WITHIN_HOURS, progress));
    }

    private String explain(Throwable error) {
        return MessageWords.refusedField(error).equals("balanceElement") ? messages.get("chart.error.notAluminium", "")
                : MessageWords.failure(error, messages, "chart.error.failed");
    }

    // ------------------------------------------------------------------ showing (UI thread)

    private void calculated(Outcome o) {
        last = o;
        redraw();
    }

    private void suggested(SuggestionOutcome s) {
        suggestion = s;
        showSuggestion();
        redraw();
    }

    /** The suggestion of the alloy and route shown, if it is calculated. */
    private AgeingDesign.Suggestion currentSuggestion() {
        PropertiesViewModel.Alloy a = alloy.get();
        return suggestion != null && a != null && suggestion.request().equals(new SuggestionRequest(a, route.get()))
                ? suggestion.suggestion() : null;
    }

    private void showSuggestion() {
        AgeingDesign.Suggestion s = currentSuggestion();
        suggestionAvailable.set(s != null && hardens(s));
        if (s != null) {
            suggestionText.set(hardens(s) ? messages.get("ageing.suggestion", steps(s.schedule()), mpa(s.end().yieldStrengthMPa()),
                    hours(SUGGEST_WITHIN_HOURS)) : messages.get("ageing.suggestion.none", hours(SUGGEST_WITHIN_HOURS)));
        } else if (!suggesting.problemProperty().get().isEmpty()) {
            suggestionText.set("");
        } else if (suggesting.calculatingProperty().get()) {
            suggestionText.set(messages.get("ageing.suggestion.searching", hours(SUGGEST_WITHIN_HOURS)));
        } else {
            suggestionText.set("");
        }
    }

    /** False when the design found nothing that hardens the alloy (its words for that start "no schedule"). */
    private static boolean hardens(AgeingDesign.Suggestion s) {
        return !s.reason().startsWith("no schedule");
    }

    private void redraw() {
        if (last == null) {
            return;
        }
        chart.show(plot(last, currentSuggestion()));
    }

    private Plot plot(Outcome o, AgeingDesign.Suggestion s) {
        Messages m = messages;
        Curves c = o.curves();
        double maxHours = Math.max(CURVE_HOURS, Math.pow(10, Math.ceil(Math.log10(o.schedule().schedule().totalHours()) - 1e-9)));
        double topMPa = o.schedule().peak().yieldStrengthMPa();
        double bottomMPa = o.schedule().first().yieldStrengthMPa();
        for (AgeingResult r : c.isothermal()) {
            topMPa = Math.max(topMPa, r.peak().yieldStrengthMPa());
            for (AgeingPoint p : r.points()) {
                bottomMPa = Math.min(bottomMPa, p.yieldStrengthMPa());
            }
        }
        if (s != null) {
            topMPa = Math.max(topMPa, s.end().yieldStrengthMPa());
        }
        Plot.Builder b = Plot.builder(m.get("ageing.title", ChartTexts.alloy(c.alloy(), m), m.label("ageing.route", c.route())),
                new Plot.Axis(m.get("ageing.axis.hours"), CURVE_HOURS / 1000, maxHours, true),
                new Plot.Axis(m.get("ageing.axis.strength"), 50 * Math.floor(bottomMPa * 0.9 / 50), 50 * Math.ceil(topMPa * 1.12 / 50), false));
        for (int i = 0; i < c.isothermal().size(); i++) {
            AgeingResult r = c.isothermal().get(i);
            double tempC = CURVE_TEMPS_C.get(i);
            AgeingPoint peak = r.peak();
            boolean hardens = peak.hours() > 0 && peak.yieldStrengthMPa() > r.first().yieldStrengthMPa() + 1;
            String label = hardens ? m.get("ageing.legend.curve", ChartTexts.temp(tempC, m), mpa(peak.yieldStrengthMPa()), hours(peak.hours()))
                    : m.get("ageing.legend.noHardening", ChartTexts.temp(tempC, m), hours(CURVE_HOURS));
            b.curve(new Plot.Curve("isothermal-" + (int) tempC, label, points(r), i, false, false));
            if (hardens) {
                b.marker(new Plot.Marker("peak-" + (int) tempC, "", new Plot.XY(peak.hours(), peak.yieldStrengthMPa()), i, Plot.Shape.CIRCLE));
            }
        }
        AgeingResult typed = o.schedule();
        AgeingPoint end = typed.last();
        b.curve(new Plot.Curve("schedule", m.get("ageing.legend.schedule", steps(typed.schedule())), points(typed), -1, true, true));
        b.marker(new Plot.Marker("scheduleMarker", m.get("ageing.marker.schedule", steps(typed.schedule()), mpa(end.yieldStrengthMPa())),
                new Plot.XY(end.hours(), end.yieldStrengthMPa()), -1, Plot.Shape.SQUARE));
        if (s != null && hardens(s)) {
            b.marker(new Plot.Marker("suggestionMarker", m.get("ageing.marker.suggestion", steps(s.schedule()), mpa(s.end().yieldStrengthMPa())),
                    new Plot.XY(s.end().hours(), s.end().yieldStrengthMPa()), -1, Plot.Shape.DIAMOND));
        }
        StartingState start = c.start();
        b.note(m.get("ageing.start", m.label("ageing.route", c.route()), Numbers.flexible(start.scInSolutionWtPct(), 3, 3, m.locale()),
                Numbers.flexible(start.zrInSolutionWtPct(), 3, 3, m.locale())));
        return b.footnote(m.get("ageing.model") + " " + m.get("ageing.source.start", MessageWords.of(start.basis(), m))).legendAt(Plot.Corner.TOP_LEFT).build();
    }

    /** The states after the start (the start itself lies at zero time, off a log axis). */
    private static List<Plot.XY> points(AgeingResult r) {
        List<Plot.XY> out = new ArrayList<>();
        for (AgeingPoint p : r.points()) {
            if (p.hours() > 0) {
                out.add(new Plot.XY(p.hours(), p.yieldStrengthMPa()));
            }
        }
        return out;
    }

    /** "325 °C / 4 h" or "300 °C / 24 h + 400 °C / 12 h". */
    private String steps(AgeingSchedule s) {
        List<String> parts = new ArrayList<>();
        for (AgeingStep st : s.steps()) {
            parts.add(messages.get("ageing.step", ChartTexts.temp(st.tempC(), messages), hours(st.hours())));
        }
        return String.join(" + ", parts);
    }

    private String hours(double h) {
        return Numbers.flexible(h, 0, h < 1 ? 2 : 1, messages.locale());
    }

    private String mpa(double v) {
        return Numbers.fixed(v, 0, messages.locale());
    }

    // ------------------------------------------------------------------ actions, language and state

    /** Puts the suggested schedule in the schedule field (it is then drawn as the user's). */
    public void useSuggestion() {
        AgeingDesign.Suggestion s = currentSuggestion();
        if (s != null && hardens(s)) {
            scheduleText.set(s.schedule().toString());
        }
    }

    /** Whether there is a suggestion to use. */
    public ReadOnlyBooleanProperty suggestionAvailableProperty() {
        return suggestionAvailable.getReadOnlyProperty();
    }

    public void setMessages(Messages newMessages) {
        messages = Objects.requireNonNull(newMessages, "messages");
        readSchedule();
        problems();
        showSuggestion();
        redraw();
    }

    /** The schedule typed: steps of °C:h separated by commas, e.g. "300:24,400:12". */
    public StringProperty scheduleTextProperty() {
        return scheduleText;
    }

    /** How the alloy was made: what (Al) holds before ageing. */
    public ObjectProperty<ProcessRoute> routeProperty() {
        return route;
    }

    /** Why the schedule typed cannot be used, in words; empty when it can. */
    public ReadOnlyStringProperty scheduleErrorProperty() {
        return scheduleError.getReadOnlyProperty();
    }

    /** The suggested schedule and what it gives, or that it is being searched for; empty when neither. */
    public ReadOnlyStringProperty suggestionTextProperty() {
        return suggestionText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty suggestionCalculatingProperty() {
        return suggesting.calculatingProperty();
    }

    public ReadOnlyDoubleProperty suggestionProgressProperty() {
        return suggesting.progressProperty();
    }

    /** The ageing chart. */
    public ChartModel chart() {
        return chart;
    }
}
