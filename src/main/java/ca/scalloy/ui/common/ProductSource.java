package ca.scalloy.ui.common;

import javafx.beans.property.ReadOnlyObjectProperty;

import ca.scalloy.engine.Composition;

/**
 * The product of the recipe open in the Batch screen, read-only, for the screens that look at it
 * (Properties, the phase diagram) without reaching into the Batch screen.
 */
public interface ProductSource {

    /**
     * The product of a solved charge.
     *
     * @param recipeName  the recipe's name, for display
     * @param composition the product's composition, wt%, with the recipe's balance element
     */
    record Product(String recipeName, Composition composition) {
    }

    /** The product of the last solved charge; null while there is none (no recipe solved, or no charge possible). */
    ReadOnlyObjectProperty<Product> productProperty();
}
