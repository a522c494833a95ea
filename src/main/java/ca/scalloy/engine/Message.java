package ca.scalloy.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Something the engine tells a user, as a code and its arguments (as {@code Diagnosis} and
 * {@code HeatRefusal} do): the workbench words it from its bundles under the key {@link #code()};
 * the command line and the logs print {@link #english()}, the engine's own English sentence.
 *
 * @param code    the message's code, also its key in the workbench's bundles (e.g. {@code "warning.noDensity"})
 * @param args    its arguments, in the order the code's bundle text numbers them: numbers as {@link Double}
 *                or {@link Integer}, element symbols and names as {@link String}, lists as {@link List}
 * @param english the sentence in English, for the command line and logs
 */
public record Message(String code, List<Object> args, String english) {

    public Message {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(english, "english");
        args = List.copyOf(args);
    }

    /** A message with its English sentence and its arguments. */
    public static Message of(String code, String english, Object... args) {
        return new Message(code, Arrays.asList(args), english);
    }

    /**
     * Clauses said one after the other ("Scheil-Gulliver solidification from 660.4 to 640.1 °C; homogenised at 500 °C"):
     * the first, then the rest joined the same way, each under the code {@code "clauses"} ({0} the first, {1} the rest),
     * so that the workbench words every clause from its bundles; the English joins them with "; ".
     *
     * @throws IllegalArgumentException when {@code clauses} is empty
     */
    public static Message joined(List<Message> clauses) {
        if (clauses.isEmpty()) {
            throw new IllegalArgumentException("clauses must not be empty");
        }
        if (clauses.size() == 1) {
            return clauses.get(0);
        }
        Message rest = joined(clauses.subList(1, clauses.size()));
        return of("clauses", clauses.get(0).english() + "; " + rest.english(), clauses.get(0), rest);
    }

    /** The English sentences of {@code messages}, in order. */
    public static List<String> english(List<Message> messages) {
        return messages.stream().map(Message::english).toList();
    }

    /** The English sentence: what the command line has always printed. */
    @Override
    public String toString() {
        return english;
    }
}
