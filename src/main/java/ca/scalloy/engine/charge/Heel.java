package ca.scalloy.engine.charge;

import java.util.Objects;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.MessageException;

/**
 * Metal already in the furnace. It is part of the product as it is: no recovery or melt loss applies.
 *
 * @param massKg      mass of the heel in kg, finite and &gt;= 0
 * @param composition its composition
 */
public record Heel(double massKg, Composition composition) {

    public Heel {
        Objects.requireNonNull(composition, "heel.compositionPct");
        if (!Double.isFinite(massKg) || massKg < 0) {
            throw new MessageException("value.error.nonNegative", "heel.massKg must be a number >= 0, was " + massKg, massKg);
        }
    }

    /** No heel. */
    public static Heel none(String balanceElement) {
        return new Heel(0, Composition.pure(balanceElement));
    }

    /** kg of {@code element} in the heel. */
    public double elementKg(String element) {
        return massKg * composition.pct(element) / 100;
    }
}
