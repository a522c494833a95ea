package ca.scalloy.ui.common;

import java.util.List;

import ca.scalloy.engine.charge.Diagnosis;

/**
 * A charge or correction diagnosis in the user's language. An element limit's diagnosis is worded
 * from its parts (the limit, the closest value while every other limit holds, the limits it
 * conflicts with) in every language; the other kinds are the engine's English words, or worded from
 * their parts in French.
 */
public final class DiagnosisWords {

    private DiagnosisWords() {
    }

    /** {@code d} in the language of {@code messages}. */
    public static String describe(Diagnosis d, Messages messages) {
        if (d.kind() == Diagnosis.Kind.ELEMENT_MIN || d.kind() == Diagnosis.Kind.ELEMENT_MAX) {
            return elementLimit(d, messages);
        }
        if (d.kind() == Diagnosis.Kind.CONFIDENCE) {
            String words = messages.get("diagnosis.confidence", number(d.limit(), messages), number(d.reachable(), messages));
            if (d.conflictsWith().isEmpty()) {
                return words;
            }
            List<String> labels = d.conflictsWith().stream().map(c -> label(c, messages)).toList();
            return d.heldTogether()
                    ? messages.get("diagnosis.confidenceHeldTogether", words, labels.stream()
                            .reduce((a, b) -> messages.get("diagnosis.and", a, b)).orElseThrow())
                    : messages.get("diagnosis.confidenceHeldBy", words, String.join(", ", labels));
        }
        if (d.words() != null) {
            return MessageWords.of(d.words(), messages);
        }
        if (!messages.isFrench()) {
            return d.message();
        }
        String limit = number(d.limit(), messages);
        String reachable = number(d.reachable(), messages);
        return switch (d.kind()) {
            case ELEMENT_NEGATIVE -> messages.get("diagnosis.negative", d.element(), reachable);
            case PRODUCT_MASS -> messages.get("diagnosis.batchMass", limit, reachable);
            case PRODUCT_MASS_MAX -> messages.get("diagnosis.capacity", limit, reachable);
            case WHOLE_PIECES -> messages.get("diagnosis.wholePieces", limit);
            case PROPERTY -> d.message(); // a property diagnosis carries its words
            case ELEMENT_MIN, ELEMENT_MAX, CONFIDENCE -> throw new AssertionError(d.kind());
        };
    }

    private static String elementLimit(Diagnosis d, Messages messages) {
        boolean isMin = d.kind() == Diagnosis.Kind.ELEMENT_MIN;
        String bound = messages.get(isMin ? "diagnosis.min" : "diagnosis.max");
        String limit = number(d.limit(), messages);
        String reachable = number(d.reachable(), messages);
        List<Diagnosis.Conflict> conflicts = d.conflictsWith();
        if (!d.othersHold()) {
            // The other limits cannot all hold even without this one: the elastic program's closest charge.
            return conflicts.isEmpty() ? messages.get("diagnosis.clash", d.element(), bound, limit, reachable)
                    : messages.get("diagnosis.clashWith", d.element(), bound, limit, reachable,
                    String.join(", ", conflicts.stream().map(c -> label(c, messages)).toList()));
        }
        if (!conflicts.isEmpty()) {
            String whileHeld = conflicts.stream().map(c -> whileHeld(c, messages))
                    .reduce((a, b) -> messages.get("diagnosis.while.and", a, b)).orElseThrow();
            return messages.get(isMin ? "diagnosis.conflictMin" : "diagnosis.conflictMax", d.element(), limit, whileHeld, reachable);
        }
        return messages.get(isMin ? "diagnosis.minUnreachable" : "diagnosis.maxUnreachable", d.element(), bound, limit, reachable);
    }

    /** "Sc stays within 1.8-2.2 %". */
    private static String whileHeld(Diagnosis.Conflict c, Messages messages) {
        return switch (c.subject()) {
            case ELEMENT -> c.minLimit() != null && c.maxLimit() != null
                    ? messages.get("diagnosis.while.range", c.element(), number(c.minLimit(), messages), number(c.maxLimit(), messages))
                    : c.minLimit() != null ? messages.get("diagnosis.while.min", c.element(), number(c.minLimit(), messages))
                    : messages.get("diagnosis.while.max", c.element(), number(c.maxLimit(), messages));
            case BATCH_MASS -> messages.get("diagnosis.while.batchMass", number(c.maxLimit(), messages));
            case FURNACE_CAPACITY -> messages.get("diagnosis.while.capacity", number(c.maxLimit(), messages));
            case REDUCTION -> messages.get("diagnosis.while.reduction", c.element());
        };
    }

    /** "Sc min 0.3 %". */
    private static String label(Diagnosis.Conflict c, Messages messages) {
        return switch (c.subject()) {
            case ELEMENT -> c.minLimit() != null && c.maxLimit() != null
                    ? messages.get("diagnosis.label.range", c.element(), number(c.minLimit(), messages), number(c.maxLimit(), messages))
                    : c.minLimit() != null ? messages.get("diagnosis.label.min", c.element(), number(c.minLimit(), messages))
                    : messages.get("diagnosis.label.max", c.element(), number(c.maxLimit(), messages));
            case BATCH_MASS -> messages.get("diagnosis.label.batchMass", number(c.maxLimit(), messages));
            case FURNACE_CAPACITY -> messages.get("diagnosis.label.capacity", number(c.maxLimit(), messages));
            case REDUCTION -> messages.get("diagnosis.label.reduction", c.element());
        };
    }

    private static String number(double v, Messages messages) {
        return messages.quantities().number(v, 0, 4);
    }
}
