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
