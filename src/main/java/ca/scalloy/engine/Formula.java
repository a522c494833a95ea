package ca.scalloy.engine;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A chemical formula such as {@code Sc2O3}, {@code K2ZrF6} or {@code Al(OH)3}, parsed into
 * atom counts. Element contents are computed from the atomic masses of {@link Elements}.
 */
public final class Formula {

    /** Non-metals with a fixed oxidation state in the salts and oxides we reduce. */
    private static final Map<String, Integer> FIXED_NONMETALS = Map.of("O", -2, "F", -1, "Cl", -1, "H", 1);
    /** Spectator cations whose oxidation state is fixed; they stay in the salt when Al reduces the compound. */
    private static final Map<String, Integer> SPECTATORS = Map.of("Na", 1, "K", 1, "Li", 1, "Ca", 2, "Mg", 2);

    private final String text;
    private final Map<String, Integer> atoms;

    private Formula(String text, Map<String, Integer> atoms) {
        this.text = text;
        this.atoms = Collections.unmodifiableMap(atoms);
    }

    /**
     * Parses a formula.
     *
     * @throws IllegalArgumentException naming the formula and the position of the fault
     */
    public static Formula parse(String text) {
        Objects.requireNonNull(text, "formula");
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("formula is empty");
        }
        Deque<Map<String, Integer>> stack = new ArrayDeque<>();
        stack.push(new LinkedHashMap<>());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '(') {
                stack.push(new LinkedHashMap<>());
                i++;
            } else if (c == ')') {
                if (stack.size() == 1) {
                    throw fault(text, i, "')' without '('");
                }
                i++;
                int start = i;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                int n = start == i ? 1 : parseCount(text, s.substring(start, i), start);
                Map<String, Integer> group = stack.pop();
                for (Map.Entry<String, Integer> e : group.entrySet()) {
                    stack.peek().merge(e.getKey(), e.getValue() * n, Integer::sum);
                }
            } else if (Character.isUpperCase(c)) {
                int start = i++;
                if (i < s.length() && Character.isLowerCase(s.charAt(i))) {
                    i++;
                }
                String symbol = s.substring(start, i);
                if (!Elements.standard().contains(symbol)) {
                    throw fault(text, start, "unknown element '" + symbol + "'");
                }
                int digits = i;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                int n = digits == i ? 1 : parseCount(text, s.substring(digits, i), digits);
                stack.peek().merge(symbol, n, Integer::sum);
            } else {
                throw fault(text, i, "unexpected '" + c + "'");
            }
        }
        if (stack.size() != 1) {
            throw fault(text, s.length(), "'(' is not closed");
        }
        return new Formula(s, stack.pop());
    }

    private static int parseCount(String text, String digits, int pos) {
        int n;
        try {
            n = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw fault(text, pos, "an atom count of " + digits + ", too large");
        }
        if (n == 0) {
            throw fault(text, pos, "an atom count of 0");
        }
        return n;
    }

    private static IllegalArgumentException fault(String text, int pos, String what) {
        return new IllegalArgumentException("formula '" + text + "' cannot be read: " + what + " at character " + (pos + 1));
    }

    /** The formula as written. */
    public String text() {
        return text;
    }

    /** Number of atoms of each element per formula unit. */
    public Map<String, Integer> atoms() {
        return atoms;
    }

    /** Molar mass in g/mol. */
    public double molarMassGPerMol() {
        double m = 0;
        for (Map.Entry<String, Integer> e : atoms.entrySet()) {
            m += e.getValue() * Elements.standard().atomicMass(e.getKey());
        }
        return m;
    }

    /** Mass fraction (0..1) of {@code element} in the pure compound. */
    public double massFraction(String element) {
        Integer n = atoms.get(element);
        if (n == null) {
            return 0;
        }
        return n * Elements.standard().atomicMass(element) / molarMassGPerMol();
    }

    /**
     * The element that aluminium reduces out of this compound into the metal: the one element that
     * is neither an anion (O, F, Cl) nor a spectator cation (Na, K, Li, Ca, Mg).
     *
     * @throws IllegalArgumentException when there is not exactly one such element
     */
    public String reducibleElement() {
        String found = null;
        for (String el : atoms.keySet()) {
            if (FIXED_NONMETALS.containsKey(el) || SPECTATORS.containsKey(el)) {
                continue;
            }
            if (found != null) {
                throw new IllegalArgumentException("formula '" + text + "' has more than one reducible element ("
                        + found + ", " + el + "); name the delivered element");
            }
            found = el;
        }
        if (found == null) {
            throw new IllegalArgumentException("formula '" + text + "' has no element that aluminium reduces into the metal");
        }
        return found;
    }

    /**
     * Oxidation state of {@code element} in this compound, from charge balance: the anions' charge
     * less the spectator cations', shared among the atoms of {@code element}. This is what sets how
     * much aluminium the reduction takes (valence / 3 mol Al per mol of element).
     *
     * @throws IllegalArgumentException when the balance does not give a positive whole valence
     */
    public int valence(String element) {
        Integer n = atoms.get(element);
        if (n == null) {
            throw new IllegalArgumentException("formula '" + text + "' has no " + element);
        }
        int charge = 0;
        for (Map.Entry<String, Integer> e : atoms.entrySet()) {
            if (e.getKey().equals(element)) {
                continue;
            }
            Integer ox = FIXED_NONMETALS.containsKey(e.getKey()) ? FIXED_NONMETALS.get(e.getKey()) : SPECTATORS.get(e.getKey());
            if (ox == null) {
                throw new IllegalArgumentException("formula '" + text + "': the oxidation state of " + e.getKey()
                        + " is not known, so the valence of " + element + " cannot be derived");
            }
            charge += ox * e.getValue();
        }
        if (charge >= 0 || (-charge) % n != 0) {
            throw new IllegalArgumentException("formula '" + text + "' does not balance to a whole positive valence of " + element);
        }
        return -charge / n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Formula f && f.atoms.equals(atoms);
    }

    @Override
    public int hashCode() {
        return atoms.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
