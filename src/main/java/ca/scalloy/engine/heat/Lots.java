package ca.scalloy.engine.heat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Message;
import ca.scalloy.engine.MessageException;
import ca.scalloy.engine.charge.Material;
import ca.scalloy.engine.charge.Recipe;

/** Puts lots' certificate assays in place of the nominal compositions of a recipe's materials. */
public final class Lots {

    private Lots() {
    }

    /**
     * The recipe with each material that has a lot in {@code lotsByMaterialId} carrying the lot's
     * assay: a metallic material's composition becomes the certificate's (same balance element), a
     * compound's purity the certified one. Materials without a lot keep their nominal composition.
     *
     * @throws IllegalArgumentException when a lot belongs to another material than the one it is
     *                                  given for, or its assay is not a valid composition
     */
    public static Recipe apply(Recipe recipe, Map<String, Lot> lotsByMaterialId) {
        List<Material> out = new ArrayList<>();
        for (Material m : recipe.materials()) {
            Lot lot = lotsByMaterialId.get(m.id());
            out.add(lot == null ? m : withLot(m, lot));
        }
        return recipe.withMaterials(out);
    }

    /**
     * The material with the lot's assay; the material's stated uncertainty goes with it (a lot has no
     * deviations of its own).
     *
     * @throws IllegalArgumentException as {@link #apply}
     */
    public static Material withLot(Material m, Lot lot) {
        if (!lot.materialId().equals(m.id())) {
            throw new MessageException("heats.refusal.lotOfOtherMaterial", "lot " + lot.lotNumber() + " is of material " + lot.materialId()
                    + ", not " + m.id(), lot.lotNumber(), lot.materialId(), m.id());
        }
        Composition composition = m.composition();
        Double purity = m.purityPct();
        if (m.kind().isMetallic() && !lot.assayWtPct().isEmpty()) {
            try {
                composition = new Composition(lot.assayWtPct(), m.composition().balanceElement());
            } catch (MessageException e) {
                throw new MessageException(Message.of("heats.refusal.lotAssay", "lot " + lot.lotNumber() + ": " + e.getMessage(), lot.lotNumber(),
                        e.message()));
            }
        }
        if (lot.purityPct() != null && purity != null) {
            purity = lot.purityPct();
        }
        return new Material(m.id(), m.name(), m.kind(), composition, m.formula(), purity, m.deliveredElement(), m.recoveryPct(),
                m.pricePerKg(), m.co2KgPerKg(), m.minKg(), m.maxKg(), m.fixedKg(), m.pieceMassKg(), m.flux(), m.uncertainty());
    }
}
