package ca.scalloy.engine.charge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Elements;
import ca.scalloy.engine.Formula;
import ca.scalloy.engine.MessageException;

/**
 * A raw material that can go into a charge.
 *
 * <p>Metallic kinds carry an assay ({@code composition}); a {@link MaterialKind#COMPOUND} carries a
 * formula and a purity, from which its element content is computed; a {@link MaterialKind#FLUX}
 * carries neither and goes wholly to the slag.
 *
 * @param id               unique id within a recipe (e.g. {@code "AL-P1020"}), not blank
 * @param name             human name
 * @param kind             what the material is
 * @param composition      assay of a metallic material; null for compounds and fluxes
 * @param formula          formula of a compound; null otherwise
 * @param purityPct        purity of a compound in wt% (0, 100]; the rest goes to the slag; null otherwise
 * @param deliveredElement the element the compound delivers into the metal; derived from the formula
 * @param recoveryPct      per-element recovery into the metal (0..100 %), overriding the recipe's
 * @param pricePerKg       price per kg, &gt;= 0
 * @param co2KgPerKg       kg CO2e per kg, &gt;= 0
 * @param minKg            least kg that must be used (stock to consume), or null
 * @param maxKg            most kg available (stock), or null for unlimited
 * @param fixedKg          kg that must be used exactly (e.g. returned scrap), or null
 * @param pieceMassKg      mass of one piece (waffle plate, ingot, bag), or null
 * @param flux             the flux this compound is charged under, or null
 * @param uncertainty      how far its assay and recoveries may stray (never null; {@link MaterialUncertainty#NONE})
 */
public record Material(
        String id,
        String name,
        MaterialKind kind,
        Composition composition,
        Formula formula,
        Double purityPct,
        String deliveredElement,
        Map<String, Double> recoveryPct,
        double pricePerKg,
        double co2KgPerKg,
        Double minKg,
        Double maxKg,
        Double fixedKg,
        Double pieceMassKg,
        FluxLink flux,
        MaterialUncertainty uncertainty) {

    /** A material with no uncertainty stated. */
    public Material(String id, String name, MaterialKind kind, Composition composition, Formula formula, Double purityPct,
                    String deliveredElement, Map<String, Double> recoveryPct, double pricePerKg, double co2KgPerKg,
                    Double minKg, Double maxKg, Double fixedKg, Double pieceMassKg, FluxLink flux) {
        this(id, name, kind, composition, formula, purityPct, deliveredElement, recoveryPct, pricePerKg, co2KgPerKg, minKg, maxKg,
                fixedKg, pieceMassKg, flux, MaterialUncertainty.NONE);
    }

    public Material {
        if (id == null || id.isBlank()) {
            throw new MessageException("material.error.idBlank", "id must not be blank").at("id");
        }
        Objects.requireNonNull(kind, "kind");
        name = name == null || name.isBlank() ? id : name;
        recoveryPct = checkedRecoveries(recoveryPct);
        if (kind.isMetallic()) {
            composition = composition == null ? Composition.pure("Al") : composition;
            if (formula != null) {
                throw new MessageException("material.error.formulaNotCompound", "formula is only for COMPOUND materials, not " + kind, kind).at("formula");
            }
        } else if (composition != null && !composition.wtPct().isEmpty()) {
            throw new MessageException("material.error.assayNotMetallic", "compositionPct is only for metallic materials; a " + kind
                    + " gets its content from its formula", kind).at("compositionPct");
        } else {
            composition = null;
        }
        if (kind == MaterialKind.COMPOUND) {
            if (formula == null) {
                throw new MessageException("material.error.formulaRequired", "formula is required for a COMPOUND").at("formula");
            }
            purityPct = purityPct == null ? 100.0 : purityPct;
            if (!Double.isFinite(purityPct) || purityPct <= 0 || purityPct > 100) {
                throw new MessageException("value.error.purity", "purityPct must be above 0 and at most 100, was " + purityPct, purityPct).at("purityPct");
            }
            deliveredElement = deliveredElement == null ? formula.reducibleElement() : deliveredElement;
            if (!formula.atoms().containsKey(deliveredElement)) {
                throw new MessageException("material.error.deliveredNotInFormula", "deliveredElement " + deliveredElement + " is not in formula "
                        + formula, deliveredElement, String.valueOf(formula)).at("deliveredElement");
            }
            formula.valence(deliveredElement);
        } else {
            if (formula != null || purityPct != null || deliveredElement != null) {
                throw new MessageException("material.error.compoundFieldsOnly",
                        "formula, purityPct and deliveredElement are only for COMPOUND materials").at("kind");
            }
            if (flux != null) {
                throw new MessageException("material.error.fluxNotCompound", "flux is only for COMPOUND materials, not " + kind, kind).at("flux");
            }
        }
        nonNegative("pricePerKg", pricePerKg);
        nonNegative("co2KgPerKg", co2KgPerKg);
        optionalNonNegative("minKg", minKg);
        optionalNonNegative("maxKg", maxKg);
        optionalNonNegative("fixedKg", fixedKg);
        if (pieceMassKg != null && (!Double.isFinite(pieceMassKg) || pieceMassKg <= 0)) {
            throw new MessageException("value.error.positive", "pieceMassKg must be a number > 0, was " + pieceMassKg, pieceMassKg).at("pieceMassKg");
        }
        if (minKg != null && maxKg != null && minKg > maxKg) {
            throw new MessageException("material.error.minAboveMax", "minKg " + minKg + " is above maxKg " + maxKg, minKg, maxKg).at("minKg");
        }
        if (fixedKg != null && minKg != null && fixedKg < minKg) {
            throw new MessageException("material.error.fixedBelowMin", "fixedKg " + fixedKg + " is below minKg " + minKg, fixedKg, minKg).at("fixedKg");
        }
        if (fixedKg != null && maxKg != null && fixedKg > maxKg) {
            throw new MessageException("material.error.fixedAboveMax", "fixedKg " + fixedKg + " is above maxKg " + maxKg, fixedKg, maxKg).at("fixedKg");
        }
        uncertainty = uncertainty == null ? MaterialUncertainty.NONE : uncertainty;
        checkUncertainty(kind, composition, deliveredElement, uncertainty);
    }

    /**
     * A deviation is stated only for what the material brings: a metallic material's listed elements
     * (its balance element's content is the rest, so it has no deviation of its own, though its
     * recovery may), a compound's delivered element; a flux brings nothing.
     */
    private static void checkUncertainty(MaterialKind kind, Composition composition, String delivered, MaterialUncertainty u) {
        for (String el : u.compositionSdPct().keySet()) {
            boolean ok = kind == MaterialKind.COMPOUND ? el.equals(delivered)
                    : kind.isMetallic() && composition.wtPct().containsKey(el);
            if (!ok) {
                throw new MessageException("material.error.sdNotBrought", "uncertainty.compositionSdPct." + el + ": " + el + " is not "
                        + (kind == MaterialKind.COMPOUND ? "the element this compound delivers (" + delivered + ")"
                        : kind == MaterialKind.FLUX ? "in a flux (a flux brings nothing to the metal)"
                        : "a listed element of this material's assay (the balance element " + composition.balanceElement()
                                + " is the rest and has no deviation of its own)"), el).at("uncertainty.compositionSdPct");
            }
        }
        for (String el : u.recoverySdPct().keySet()) {
            boolean ok = kind == MaterialKind.COMPOUND ? el.equals(delivered)
                    : kind.isMetallic() && composition.allWtPct().containsKey(el);
            if (!ok) {
                throw new MessageException("material.error.sdNotBrought", "uncertainty.recoverySdPct." + el + ": this material brings no " + el,
                        el).at("uncertainty.recoverySdPct");
            }
        }
    }

    private static Map<String, Double> checkedRecoveries(Map<String, Double> recoveryPct) {
        if (recoveryPct == null) {
            return Map.of();
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : recoveryPct.entrySet()) {
            checkRecovery(e.getKey(), e.getValue());
            copy.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Checks one recovery entry: a known element and a value from 0 to 100 %. */
    static void checkRecovery(String element, Double pct) {
        if (!Elements.standard().contains(element)) {
            throw new MessageException("composition.error.unknownElement", "recoveryPct: unknown element '" + element + "'", element).at("recoveryPct");
        }
        if (pct == null || !Double.isFinite(pct) || pct < 0 || pct > 100) {
            throw new MessageException("value.error.elementPct", "recoveryPct." + element + " must be a number from 0 to 100, was " + pct, element,
                    String.valueOf(pct)).at("recoveryPct");
        }
    }

    private static void nonNegative(String field, double v) {
        if (!Double.isFinite(v) || v < 0) {
            throw new MessageException("value.error.nonNegative", field + " must be a number >= 0, was " + v, v).at(field);
        }
    }

    private static void optionalNonNegative(String field, Double v) {
        if (v != null) {
            nonNegative(field, v);
        }
    }

    /** A metallic material of the given kind with an assay, price and CO2 and no stock limits. */
    public static Material metallic(String id, String name, MaterialKind kind, Composition composition,
                                    double pricePerKg, double co2KgPerKg) {
        return new Material(id, name, kind, composition, null, null, null, Map.of(), pricePerKg, co2KgPerKg,
                null, null, null, null, null);
    }

    /** A compound given by its formula and purity. */
    public static Material compound(String id, String name, String formula, double purityPct,
                                    Map<String, Double> recoveryPct, double pricePerKg, double co2KgPerKg, FluxLink flux) {
        return new Material(id, name, MaterialKind.COMPOUND, null, Formula.parse(formula), purityPct, null, recoveryPct,
                pricePerKg, co2KgPerKg, null, null, null, null, flux);
    }

    /** A flux. */
    public static Material flux(String id, String name, double pricePerKg, double co2KgPerKg) {
        return new Material(id, name, MaterialKind.FLUX, null, null, null, null, Map.of(), pricePerKg, co2KgPerKg,
                null, null, null, null, null);
    }

    /**
     * kg of {@code element} per kg of this material as charged (before recovery): the assay of a
     * metallic material, or the formula share times the purity of a compound.
     */
    public double elementContentKgPerKg(String element) {
        return switch (kind) {
            case COMPOUND -> formula.massFraction(element) * purityPct / 100;
            case FLUX -> 0;
            default -> composition.pct(element) / 100;
        };
    }

    /** Copies with stock bounds replaced. */
    public Material withBounds(Double newMinKg, Double newMaxKg, Double newFixedKg) {
        return new Material(id, name, kind, composition, formula, purityPct, deliveredElement, recoveryPct, pricePerKg,
                co2KgPerKg, newMinKg, newMaxKg, newFixedKg, pieceMassKg, flux, uncertainty);
    }

    /** Copies with the price replaced. */
    public Material withPricePerKg(double newPricePerKg) {
        return new Material(id, name, kind, composition, formula, purityPct, deliveredElement, recoveryPct, newPricePerKg,
                co2KgPerKg, minKg, maxKg, fixedKg, pieceMassKg, flux, uncertainty);
    }

    /** Copies with the CO2 per kg replaced. */
    public Material withCo2KgPerKg(double newCo2KgPerKg) {
        return new Material(id, name, kind, composition, formula, purityPct, deliveredElement, recoveryPct, pricePerKg,
                newCo2KgPerKg, minKg, maxKg, fixedKg, pieceMassKg, flux, uncertainty);
    }

    /** Copies with the uncertainty replaced. */
    public Material withUncertainty(MaterialUncertainty newUncertainty) {
        return new Material(id, name, kind, composition, formula, purityPct, deliveredElement, recoveryPct, pricePerKg,
                co2KgPerKg, minKg, maxKg, fixedKg, pieceMassKg, flux, newUncertainty);
    }
}
