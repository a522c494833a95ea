package ca.scalloy.ui.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.scalloy.engine.charge.Diagnosis;

/**
 * A charge or correction diagnosis in the user's language. The engine words it in English (naming
 * the limits a limit clashes with); other languages are worded here from its parts, quoting the clash.
 */
public final class DiagnosisWords {

    private static final Pattern CLASHES_WITH = Pattern.compile("together with (.+); the closest");

    private DiagnosisWords() {
    }

    /** {@code d} in the language of {@code messages}. */
    public static String describe(Diagnosis d, Messages messages) {
        if (!messages.isFrench()) {
            return d.message();
        }
        String limit = Numbers.flexible(d.limit(), 0, 4, messages.locale());
        String reachable = Numbers.flexible(d.reachable(), 0, 4, messages.locale());
        return switch (d.kind()) {
            case ELEMENT_MIN, ELEMENT_MAX -> {
                String bound = messages.get(d.kind() == Diagnosis.Kind.ELEMENT_MIN ? "diagnosis.min" : "diagnosis.max");
                if (d.onItsOwn()) {
                    yield messages.get(d.kind() == Diagnosis.Kind.ELEMENT_MIN ? "diagnosis.minUnreachable"
                            : "diagnosis.maxUnreachable", d.element(), bound, limit, reachable);
                }
                Matcher with = CLASHES_WITH.matcher(d.message());
                yield with.find() && !with.group(1).equals("the other limits")
                        ? messages.get("diagnosis.clashWith", d.element(), bound, limit, reachable, with.group(1))
                        : messages.get("diagnosis.clash", d.element(), bound, limit, reachable);
            }
            case ELEMENT_NEGATIVE -> messages.get("diagnosis.negative", d.element(), reachable);
            case PRODUCT_MASS -> messages.get("diagnosis.batchMass", limit, reachable);
            case PRODUCT_MASS_MAX -> messages.get("diagnosis.capacity", limit, reachable);
            case WHOLE_PIECES -> messages.get("diagnosis.wholePieces", limit);
        };
    }
}
