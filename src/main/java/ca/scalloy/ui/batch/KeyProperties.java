package ca.scalloy.ui.batch;

import java.util.Objects;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Progress;
import ca.scalloy.engine.doc.AdditionPlanner;
import ca.scalloy.engine.doc.MeltHolding;
import ca.scalloy.engine.props.Ageing;
import ca.scalloy.engine.props.AlloyProperties;
import ca.scalloy.engine.props.PropertyCalculator;
import ca.scalloy.ui.common.PeakAgeing;

/**
 * The product's key properties for the Batch screen: its liquidus with the primary phase and the
 * minimum holding temperature of its melt, and the estimate as cast and after the usual ageing.
 *
 * @param product the composition estimated
 * @param melt    liquidus (thermodynamic data, primary phase named) and minimum holding temperature
 * @param asCast  as cast
 * @param aged    after {@code ageing}
 * @param ageing  the ageing assumed
 */
public record KeyProperties(Composition product, MeltHolding melt, AlloyProperties asCast, AlloyProperties aged, Ageing ageing) {

    public KeyProperties {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(melt, "melt");
    }

    /**
     * Estimates {@code product} off the UI thread: the liquidus and holding temperature, then the
     * properties as cast and aged, checking between the three whether the estimate is still wanted.
     *
     * @throws java.util.concurrent.CancellationException when {@code progress} says it is no longer wanted
     * @throws IllegalArgumentException for a product the models cannot take
     */
    public static KeyProperties estimate(Composition product, PropertyCalculator calculator, Progress progress) {
        progress.checkCancelled();
        MeltHolding melt = AdditionPlanner.holding(product, AdditionPlanner.defaultSuperheatC());
        progress.done(1.0 / 3);
        progress.checkCancelled();
        AlloyProperties asCast = calculator.compute(product, Ageing.asCast(), null);
        progress.done(2.0 / 3);
        progress.checkCancelled();
        AlloyProperties aged = calculator.compute(product, PeakAgeing.ageing(), null);
        progress.done(1);
        return new KeyProperties(product, melt, asCast, aged, PeakAgeing.ageing());
    }
}
