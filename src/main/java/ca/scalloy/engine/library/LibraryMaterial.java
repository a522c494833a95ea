package ca.scalloy.engine.library;

import java.time.Instant;
import java.util.Objects;

import ca.scalloy.engine.charge.Material;

/**
 * A material as the library keeps it: the engine material (its current price and CO2 included)
 * with where its figures come from and when its price was set.
 *
 * @param material   the material; its {@code pricePerKg} and {@code co2KgPerKg} are the current ones
 * @param source     where the assay and figures come from (free text), never null
 * @param confidence confidence tag of the figures: src, calc or est (free text allowed), never null
 * @param priceSetAt when the current price and CO2 were set, or null when not yet stored
 * @param retired    whether the material was withdrawn from use (kept because stored recipes used it)
 */
public record LibraryMaterial(Material material, String source, String confidence, Instant priceSetAt, boolean retired) {

    public LibraryMaterial {
        Objects.requireNonNull(material, "material");
        source = source == null ? "" : source;
        confidence = confidence == null ? "" : confidence;
    }

    /** A material not yet stored: no price date, not retired. */
    public static LibraryMaterial of(Material material, String source, String confidence) {
        return new LibraryMaterial(material, source, confidence, null, false);
    }

    /** The material's id. */
    public String id() {
        return material.id();
    }
}
