package ca.scalloy.ui.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ca.scalloy.engine.charge.ChargeAnalysis;
import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeCertainty;
import ca.scalloy.engine.charge.ChargeSensitivity;
import ca.scalloy.engine.charge.DefaultSpreads;
import ca.scalloy.engine.charge.ParetoPoint;
import ca.scalloy.engine.charge.PassProbability;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.ui.common.BackgroundExecutor;
import ca.scalloy.ui.common.LatestOnly;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Numbers;

/**
 * What the Batch screen says of a charge beyond its masses (issue 14): its probability of passing the
 * first sample (a number and a rate per element), what each limit costs and each material's price range
 * in a metallurgist's words, and the front of cost against CO2 with the charge on it. Computed on its own
 * worker after each charge, the next charge superseding it, so that the screen stays live.
 */
public final class ChargeInsightsViewModel {

    /** Points of the cost-against-CO2 front. */
    static final int FRONT_POINTS = 10;

    /** One element's share of draws within its limits, %. */
    public record ElementRate(String element, double passPct) {
    }

    /** One point of the front: cost and kg CO2e of the batch. */
    public record FrontPoint(double cost, double co2Kg) {
    }

    /** What the worker computes for one recipe. */
    record Insight(ChargeAnalysis analysis, List<ParetoPoint> front) {
    }

    private final LatestOnly<Recipe, Insight> worker;
    private Messages messages;
    private Insight last;

    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyStringWrapper passText = new ReadOnlyStringWrapper(this, "passText", "");
    private final ReadOnlyObjectWrapper<Double> passPct = new ReadOnlyObjectWrapper<>(this, "passPct");
    private final ReadOnlyStringWrapper spreadsText = new ReadOnlyStringWrapper(this, "spreadsText", "");
    /** Why the front is not drawn for a charge that has one to show, or empty. */
    private final ReadOnlyStringWrapper frontNote = new ReadOnlyStringWrapper(this, "frontNote", "");
    private final ObservableList<ElementRate> elementRates = FXCollections.observableArrayList();
    private final ObservableList<ElementRate> elementRatesView = FXCollections.unmodifiableObservableList(elementRates);
    private final ObservableList<String> limitLines = FXCollections.observableArrayList();
    private final ObservableList<String> limitLinesView = FXCollections.unmodifiableObservableList(limitLines);
    private final ObservableList<String> priceLines = FXCollections.observableArrayList();
    private final ObservableList<String> priceLinesView = FXCollections.unmodifiableObservableList(priceLines);
    private final ObservableList<FrontPoint> front = FXCollections.observableArrayList();
    private final ObservableList<FrontPoint> frontView = FXCollections.unmodifiableObservableList(front);
    private final ReadOnlyObjectWrapper<FrontPoint> chosen = new ReadOnlyObjectWrapper<>(this, "chosen");

    /**
     * @param spreads the defaults a recipe whose materials state no spread is judged with (the plant's learned
     *                spreads for that recipe over the reference data); called on the worker, so it may read the store
     */
    public ChargeInsightsViewModel(Messages messages, ChargeCalculator calculator, BackgroundExecutor executor,
                                   Function<Recipe, DefaultSpreads> spreads) {
        this.messages = Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(calculator, "calculator");
        Objects.requireNonNull(spreads, "spreads");
        this.worker = new LatestOnly<>(executor, (Recipe r) -> {
            // a property-targeted charge has neither a sensitivity nor a front (each is refused for it), but its probability
            boolean targeted = !r.propertyTargets().isEmpty();
            ChargeAnalysis a = calculator.analyse(r, ChargeAnalysis.Request.standard(!targeted).withDefaults(spreads.apply(r)));
            List<ParetoPoint> f = a.result().solved() && !r.wholePieces() && !targeted
                    ? calculator.pareto(a.recipe(), ParetoPoint.Axis.CO2, FRONT_POINTS) : List.of();
            return new Insight(a, f);
        }, this::show, this::failed);
    }

    /** Analyses the charge of {@code recipe} (just solved); an analysis under way for an older one is dropped. */
    void request(Recipe recipe) {
        stale.set(true);
        worker.request(recipe);
    }

    /** No charge to analyse: clears the panel. */
    void clear() {
        worker.cancelAll();
        last = null;
        stale.set(false);
        fill();
    }

    /** The words again in a new language. */
    void setMessages(Messages newMessages) {
        messages = newMessages;
        fill();
    }

    private void show(Insight insight) {
        last = insight;
        stale.set(false);
        fill();
    }

    private void failed(Throwable error) {
        last = null;
        stale.set(false);
        fill();
        passText.set(messages.get("insight.failed", MessageWords.failure(error, messages)));
    }

    private void fill() {
        Insight in = last;
        elementRates.clear();
        limitLines.clear();
        priceLines.clear();
        front.clear();
        chosen.set(null);
        passPct.set(null);
        spreadsText.set("");
        frontNote.set("");
        if (in == null || !in.analysis().result().solved()) {
            passText.set(in == null ? "" : messages.get("insight.noCharge"));
            return;
        }
        ChargeCertainty c = in.analysis().certainty();
        PassProbability p = c == null ? null : c.passProbability();
        if (p == null) {
            passText.set(messages.get("insight.pass.unknown"));
        } else {
            passPct.set(100 * p.passRate());
            passText.set(messages.get("insight.pass", num(100 * p.passRate(), 1), num(100 * p.standardError(), 1), p.draws()));
            for (Map.Entry<String, Double> e : p.perElement().entrySet()) {
                elementRates.add(new ElementRate(e.getKey(), 100 * e.getValue()));
            }
            String source = messages.get("insight.spreads." + c.spreads().name());
            String spreads = c.robust() && c.priceOfCertainty() != null
                    ? source + "\n" + messages.get("insight.priceOfCertainty", num(c.confidencePct(), 1), num(c.priceOfCertainty(), 2))
                    : source;
            // the draws judge the composition limits; the property targets hold on the nominal analyses only
            spreadsText.set(in.analysis().recipe().propertyTargets().isEmpty() ? spreads
                    : spreads + "\n" + messages.get("insight.pass.compositionOnly"));
        }
        boolean targeted = !in.analysis().recipe().propertyTargets().isEmpty();
        if (targeted) {
            // neither is asked for such a charge (each would be a property-targeted search per limit or point): said, not blank
            limitLines.add(messages.get("insight.sens.propertyTargets"));
            frontNote.set(messages.get("insight.front.propertyTargets"));
        } else if (in.analysis().recipe().wholePieces()) {
            frontNote.set(messages.get("insight.front.wholePieces"));
        }
        sensitivity(in.analysis().sensitivity());
        for (ParetoPoint pt : in.front()) {
            front.add(new FrontPoint(pt.cost(), pt.co2Kg()));
        }
        if (!in.front().isEmpty()) {
            chosen.set(new FrontPoint(in.analysis().result().costTotal(), in.analysis().result().co2TotalKg()));
        }
    }

    private void sensitivity(ChargeSensitivity s) {
        if (s == null) {
            return;
        }
        if (s.unavailable() != null) {
            limitLines.add(messages.get("insight.sens.unavailable." + s.unavailable().name()));
            return;
        }
        List<String> binding = new ArrayList<>();
        List<String> slack = new ArrayList<>();
        for (ChargeSensitivity.LimitSensitivity l : s.limits()) {
            String limit = messages.get(l.bound() == ChargeSensitivity.Bound.MIN ? "insight.limit.min" : "insight.limit.max", l.element(),
                    messages.quantities().content(l.element(), l.limitPct()));
            if (!l.binding()) {
                slack.add(messages.get("insight.limit.slack", limit));
            } else if (l.bound() == ChargeSensitivity.Bound.MIN) {
                binding.add(messages.get("insight.limit.bindingMin", limit, num(l.costPerPctRelaxed() / 100, 2)));
            } else {
                binding.add(messages.get("insight.limit.bindingMax", limit, num(l.costPerPctRelaxed() / 100, 2)));
            }
        }
        limitLines.addAll(binding);
        limitLines.addAll(slack);
        for (ChargeSensitivity.PriceRange p : s.materials()) {
            String price = num(p.pricePerKg(), 2);
            if (p.inCharge()) {
                String key = p.priceLow() == null && p.priceHigh() == null ? "insight.price.anyPrice"
                        : p.priceLow() == null ? "insight.price.upTo" : p.priceHigh() == null ? "insight.price.from" : "insight.price.between";
                priceLines.add(messages.get(key, p.materialId(), price, p.priceLow() == null ? "" : num(p.priceLow(), 2),
                        p.priceHigh() == null ? "" : num(p.priceHigh(), 2)));
            } else if (p.priceLow() != null) {
                priceLines.add(messages.get("insight.price.enters", p.materialId(), price, num(p.priceLow(), 2)));
            } else {
                priceLines.add(messages.get("insight.price.never", p.materialId(), price));
            }
        }
        if (s.movesWithPrice()) {
            priceLines.add(messages.get("insight.price.movesWithPrice"));
        }
    }

    private String num(double v, int decimals) {
        return Numbers.fixed(v, decimals, messages.locale());
    }

    /** Whether the panel shows an older charge while the newest is being analysed. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** "Probability of passing the first sample: 94.8 % (± 0.2 %, 10,000 draws)", or why there is none. */
    public ReadOnlyStringProperty passTextProperty() {
        return passText.getReadOnlyProperty();
    }

    /** The probability of passing, %, or null. */
    public ReadOnlyObjectProperty<Double> passPctProperty() {
        return passPct.getReadOnlyProperty();
    }

    /** Where the spreads came from, and the price of certainty of a robust charge. */
    public ReadOnlyStringProperty spreadsTextProperty() {
        return spreadsText.getReadOnlyProperty();
    }

    public ObservableList<ElementRate> elementRates() {
        return elementRatesView;
    }

    /** The binding limits first, each with what relaxing it by 0.01 % saves per batch; then the others. */
    public ObservableList<String> limitLines() {
        return limitLinesView;
    }

    /** Each material's price range over which the charge stays the same, or the price at which it would enter. */
    public ObservableList<String> priceLines() {
        return priceLinesView;
    }

    /** Why the front is not drawn (a recipe with property targets, a charge in whole pieces), or empty. */
    public ReadOnlyStringProperty frontNoteProperty() {
        return frontNote.getReadOnlyProperty();
    }

    /** The least cost against kg CO2e, from the leanest charge to the cheapest. */
    public ObservableList<FrontPoint> front() {
        return frontView;
    }

    /** The charge shown, on the front's axes (null without a front). */
    public ReadOnlyObjectProperty<FrontPoint> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }
}
