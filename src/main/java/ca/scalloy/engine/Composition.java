package ca.scalloy.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A chemical composition in wt%: the listed (non-balance) elements, and a balance element that
 * makes up the rest to 100 %.
 *
 * @param wtPct          wt% of each non-balance element; each finite and in [0, 100], their sum
 *                       at most 100 (within {@link #SUM_TOLERANCE_PCT})
 * @param balanceElement the element that makes up the rest, e.g. {@code "Al"}; not a key of wtPct
 */
public record Composition(Map<String, Double> wtPct, String balanceElement) {

    /** How far above 100 % a sum of listed elements may be before it is refused (rounding in assays). */
    public static final double SUM_TOLERANCE_PCT = 1e-6;

    public Composition {
        Objects.requireNonNull(balanceElement, "balanceElement");
        Objects.requireNonNull(wtPct, "wtPct");
        Elements table = Elements.standard();
        if (!table.contains(balanceElement)) {
            throw new IllegalArgumentException("balanceElement: unknown element '" + balanceElement + "'");
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        double sum = 0;
        for (Map.Entry<String, Double> e : wtPct.entrySet()) {
            String el = e.getKey();
            Double v = e.getValue();
            if (!table.contains(el)) {
                throw new MessageException("composition.error.unknownElement", el + ": unknown element; known elements are "
                        + table.symbols(), el);
            }
            if (v == null || !Double.isFinite(v) || v < 0 || v > 100) {
                throw new MessageException("composition.error.wtPctRange", el + ": wt% must be a number from 0 to 100, was " + v, el,
                        String.valueOf(v));
            }
            if (el.equals(balanceElement)) {
                if (v == 0) {
                    continue;
                }
                throw new MessageException("composition.error.balanceListed", el
                        + ": is the balance element and must not be listed (its wt% is the rest to 100)", el);
            }
            copy.put(el, v);
            sum += v;
        }
        if (sum > 100 + SUM_TOLERANCE_PCT) {
            throw new MessageException("composition.error.sumAbove100", "the listed elements sum to " + round(sum) + " wt%, above 100 wt%",
                    Math.round(sum * 1e6) / 1e6);
        }
        wtPct = Collections.unmodifiableMap(copy);
    }

    /** A composition of pure {@code balanceElement}. */
    public static Composition pure(String balanceElement) {
        return new Composition(Map.of(), balanceElement);
    }

    /** wt% of the balance element: 100 minus the listed elements (never negative). */
    public double balancePct() {
        double sum = 0;
        for (double v : wtPct.values()) {
            sum += v;
        }
        return Math.max(0, 100 - sum);
    }

    /** wt% of any element, the balance included; 0 for an element not present. */
    public double pct(String element) {
        if (element.equals(balanceElement)) {
            return balancePct();
        }
        return wtPct.getOrDefault(element, 0.0);
    }

    /** Every element with its wt%, the balance element first. */
    public Map<String, Double> allWtPct() {
        Map<String, Double> all = new LinkedHashMap<>();
        all.put(balanceElement, balancePct());
        all.putAll(wtPct);
        return Collections.unmodifiableMap(all);
    }

    /** Every element with its at% (mole percent), the balance element first. */
    public Map<String, Double> allAtPct() {
        Elements table = Elements.standard();
        Map<String, Double> moles = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Double> e : allWtPct().entrySet()) {
            double n = e.getValue() / table.atomicMass(e.getKey());
            moles.put(e.getKey(), n);
            total += n;
        }
        Map<String, Double> at = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : moles.entrySet()) {
            at.put(e.getKey(), total == 0 ? 0 : 100 * e.getValue() / total);
        }
        return Collections.unmodifiableMap(at);
    }

    /**
     * The composition given in at% (mole percent) converted to wt%.
     *
     * @param atPct          at% of the non-balance elements, sum at most 100
     * @param balanceElement the element that makes up the rest
     */
    public static Composition fromAtPct(Map<String, Double> atPct, String balanceElement) {
        Elements table = Elements.standard();
        double sum = 0;
        for (double v : atPct.values()) {
            sum += v;
        }
        if (sum > 100 + SUM_TOLERANCE_PCT) {
            throw new IllegalArgumentException("the listed elements sum to " + round(sum) + " at%, above 100 at%");
        }
        double balanceMass = Math.max(0, 100 - sum) * table.atomicMass(balanceElement);
        double total = balanceMass;
        for (Map.Entry<String, Double> e : atPct.entrySet()) {
            total += e.getValue() * table.atomicMass(e.getKey());
        }
        Map<String, Double> wt = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : atPct.entrySet()) {
            wt.put(e.getKey(), 100 * e.getValue() * table.atomicMass(e.getKey()) / total);
        }
        return new Composition(wt, balanceElement);
    }

    private static String round(double v) {
        return String.valueOf(Math.round(v * 1e6) / 1e6);
    }
}
