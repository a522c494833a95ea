package ca.scalloy.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The immutable table of elements the engine knows, read from {@code elements.csv} (the data and
 * its sources live in that resource, not in code).
 */
public final class Elements {

    private static final Elements STANDARD = load();

    private final Map<String, Element> bySymbol;

    private Elements(Map<String, Element> bySymbol) {
        this.bySymbol = Collections.unmodifiableMap(new LinkedHashMap<>(bySymbol));
    }

    /** The standard table shipped with Scalloy. */
    public static Elements standard() {
        return STANDARD;
    }

    /** Whether {@code symbol} is a known element. */
    public boolean contains(String symbol) {
        return bySymbol.containsKey(symbol);
    }

    /** The element with this symbol, if known. */
    public Optional<Element> find(String symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    /**
     * The element with this symbol.
     *
     * @throws IllegalArgumentException naming the symbol and the known ones if it is unknown
     */
    public Element get(String symbol) {
        Element e = bySymbol.get(symbol);
        if (e == null) {
            throw new IllegalArgumentException("unknown element '" + symbol + "'; known elements are " + bySymbol.keySet());
        }
        return e;
    }

    /** Atomic mass of {@code symbol} in g/mol. */
    public double atomicMass(String symbol) {
        return get(symbol).atomicMassGPerMol();
    }

    /** Every known symbol, in table order. */
    public Set<String> symbols() {
        return bySymbol.keySet();
    }

    private static Elements load() {
        Map<String, Element> map = new LinkedHashMap<>();
        for (String[] f : DataTables.rows("elements.csv")) {
            map.put(f[0], new Element(f[0], Double.parseDouble(f[1]), parseOrNaN(f[2]), parseOrNaN(f[3])));
        }
        return new Elements(map);
    }

    private static double parseOrNaN(String s) {
        return s.isBlank() ? Double.NaN : Double.parseDouble(s);
    }
}
