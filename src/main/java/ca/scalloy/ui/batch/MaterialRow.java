package ca.scalloy.ui.batch;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import ca.scalloy.engine.charge.MaterialKind;

/**
 * One material as edited. {@link MaterialField#ASSAY} holds the assay of a metallic material
 * ({@code "Fe=0.10, Si=0.05"}) or the formula of a compound ({@code "Sc2O3"}); the text of
 * {@link MaterialField#KIND} is unused, the kind lives in {@link #kindProperty()}.
 */
public final class MaterialRow extends FormRow<MaterialField> {

    private final ObjectProperty<MaterialKind> kind = new SimpleObjectProperty<>(this, "kind", MaterialKind.METAL);

    MaterialRow() {
        super(MaterialField.class);
    }

    public ObjectProperty<MaterialKind> kindProperty() {
        return kind;
    }
}
