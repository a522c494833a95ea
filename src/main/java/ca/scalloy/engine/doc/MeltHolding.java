package ca.scalloy.engine.doc;

import java.util.Objects;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.MessageException;
import ca.scalloy.engine.thermo.DatabaseUse;

/**
 * The minimum holding temperature of a melt: the product's liquidus plus a superheat, never below the
 * minimum holding temperature ({@code process-temperatures.csv}). Below it the first solid of the
 * alloy, its primary phase (primary Al3Zr in a Zr-bearing melt, Al3Sc in a hypereutectic Al-Sc one),
 * comes out of the melt and is cast as coarse particles.
 *
 * @param liquidusC       the product's liquidus, degrees C
 * @param primaryPhase    the solid that forms first at the liquidus ({@code FCC_A1}, {@code AL3SC}, {@code AL3ZR},
 *                        {@code AL3TI}, ...), or null when the liquidus comes from the dilute model
 * @param liquidusBandC   half-width of the liquidus's band, degrees C, or null where none is given (the
 *                        thermodynamic liquidus: its band comes with the validation of issue 12)
 * @param model           where the liquidus comes from
 * @param fallbackReason  why the thermodynamic data could not be used (the data's refusal, as a code), or null
 * @param superheatC      superheat above the liquidus, degrees C
 * @param superheatSource where the superheat comes from (the data file's source, or "as given"), as a message
 * @param minimumHoldingC the floor of any holding temperature, degrees C
 * @param database        the thermodynamic data used, or null with the dilute model
 */
public record MeltHolding(double liquidusC, String primaryPhase, Double liquidusBandC, LiquidusModel model, Message fallbackReason,
                          double superheatC, Message superheatSource, double minimumHoldingC, DatabaseUse database) {

    /** Where a liquidus comes from. */
    public enum LiquidusModel {
        /** The CALPHAD databases of the Al-rich corner ({@code engine.thermo}), with the primary phase. */
        THERMODYNAMIC_DATA,
        /**
         * The property models' dilute estimate, for a product the databases do not cover (more than 1 wt% of
         * elements outside them, or a balance other than Al).
         */
        DILUTE_MODEL
    }

    public MeltHolding {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(superheatSource, "superheatSource");
        if (!Double.isFinite(liquidusC)) {
            throw new IllegalArgumentException("liquidusC must be a temperature, was " + liquidusC);
        }
        if (!Double.isFinite(superheatC) || superheatC < 0) {
            throw new MessageException("melt.refusal.superheatNegative", "superheatC must be >= 0, was " + superheatC, superheatC).at("superheatC");
        }
    }

    /** The holding temperature: liquidus + superheat, at least the minimum holding temperature; degrees C. */
    public double holdingTempC() {
        return Math.max(liquidusC + superheatC, minimumHoldingC);
    }

    /** Whether the minimum holding temperature, not the liquidus, sets the holding temperature. */
    public boolean floorApplies() {
        return liquidusC + superheatC < minimumHoldingC;
    }
}
