package ca.scalloy.ui.batch;

import ca.scalloy.engine.props.Ageing;
import ca.scalloy.engine.props.AlloyProperties;

/**
 * The product's key properties for the Batch screen: the estimate as cast and after the usual ageing.
 *
 * @param asCast as cast
 * @param aged   after {@code ageing}
 * @param ageing the ageing assumed
 */
public record KeyProperties(AlloyProperties asCast, AlloyProperties aged, Ageing ageing) {
}
