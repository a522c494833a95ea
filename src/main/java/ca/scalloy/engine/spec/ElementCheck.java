package ca.scalloy.engine.spec;

import ca.scalloy.engine.Message;

/**
 * One element against its limit.
 *
 * @param element   the element, or "others each" / "others total"
 * @param minPct    the minimum, or null
 * @param maxPct    the maximum, or null
 * @param valuePct  the measured or computed wt%
 * @param status    PASS, MARGINAL or FAIL
 * @param marginPct distance to the nearer limit in wt%: positive inside, negative outside
 */
public record ElementCheck(String element, Double minPct, Double maxPct, double valuePct, ComplianceStatus status,
                           double marginPct) {

    /** The name of the "others each" check (the file and command-line contracts spell it so). */
    public static final String OTHERS_EACH = "others each";
    /** The name of the "others total" check. */
    public static final String OTHERS_TOTAL = "others total";

    /** Whether {@code name} is one of the "others" checks ("others each", "others each (V)", "others total"). */
    public static boolean isOthers(String name) {
        return name.startsWith(OTHERS_EACH) || name.equals(OTHERS_TOTAL);
    }

    /** "others each (V)": the "others each" check named after the element that sets it. */
    public static String othersEachOf(String element) {
        return OTHERS_EACH + " (" + element + ")";
    }

    /**
     * A check's name as an argument of a {@link Message}: an element's symbol as it is, "others each", "others each (V)"
     * and "others total" as messages of their own ({@code compliance.othersEach}, {@code compliance.othersEachOf},
     * {@code compliance.othersTotal}), so a sentence naming them reads in the reader's language.
     */
    public static Object nameArgument(String name) {
        if (name.startsWith(OTHERS_EACH + " (") && name.endsWith(")")) {
            return Message.of("compliance.othersEachOf", name, name.substring(OTHERS_EACH.length() + 2, name.length() - 1));
        }
        if (name.equals(OTHERS_EACH)) {
            return Message.of("compliance.othersEach", name);
        }
        return name.equals(OTHERS_TOTAL) ? Message.of("compliance.othersTotal", name) : name;
    }
}
