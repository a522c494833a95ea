package ca.scalloy.ui.common;

import java.util.List;
import java.util.function.Function;

import javafx.util.StringConverter;

/** Shows choices by their localized label, and reads a label back to its choice (null when none matches). */
public final class ChoiceLabels {

    private ChoiceLabels() {
    }

    /** A converter over {@code choices}, each shown as {@code label.apply(choice)}. */
    public static <T> StringConverter<T> of(List<T> choices, Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                for (T c : choices) {
                    if (label.apply(c).equals(text)) {
                        return c;
                    }
                }
                return null;
            }
        };
    }
}
