package ca.scalloy.ui.properties;

import java.util.Map;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import ca.scalloy.engine.Composition;
import ca.scalloy.ui.common.ProductSource;

/** A {@link ProductSource} the test sets by hand. */
final class FixedProduct implements ProductSource {

    final ReadOnlyObjectWrapper<Product> product = new ReadOnlyObjectWrapper<>();

    void set(String name, Map<String, Double> wtPct) {
        product.set(new Product(name, new Composition(wtPct, "Al")));
    }

    @Override
    public ReadOnlyObjectProperty<Product> productProperty() {
        return product.getReadOnlyProperty();
    }
}
