package ca.scalloy.ui.common;

import ca.scalloy.engine.thermo.PhaseNames;

/** Phases as the screens show them: {@code AL3ZR} as Al₃Zr, {@code FCC_A1} as (Al), {@code LIQUID} as L. */
public final class PhaseLabels {

    private PhaseLabels() {
    }

    /** The phase's formula with subscript digits (a composition set's {@code #2} keeps its digit). */
    public static String of(String phase) {
        return subscripts(PhaseNames.display(phase));
    }

    /** "Al3Sc" as chemists write it: Al₃Sc; digits after a '#' stay as they are. */
    public static String subscripts(String formula) {
        StringBuilder b = new StringBuilder();
        boolean set = false;
        for (char c : formula.toCharArray()) {
            set |= c == '#';
            b.append(!set && Character.isDigit(c) ? (char) ('\u2080' + (c - '0')) : c);
        }
        return b.toString();
    }
}
