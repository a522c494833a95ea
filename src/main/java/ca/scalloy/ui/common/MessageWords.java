package ca.scalloy.ui.common;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.MessageException;
import ca.scalloy.io.FileProblems;
import ca.scalloy.io.FormatException;
import ca.scalloy.io.SpectrometerFormatException;
import ca.scalloy.io.UnreadableFileException;
import ca.scalloy.store.Reasons;
import ca.scalloy.store.StoreException;

/**
 * What the engine, the store and the files say, in the user's language: a {@link Message}'s code is its key in
 * the bundles, its arguments are put in with numbers in the user's style and enum constants by their labels. An
 * error with no code is never shown as its English text, a class name or "null": the user reads a short localised
 * line and the whole error goes to the log.
 */
public final class MessageWords {

    private static final Logger LOG = LoggerFactory.getLogger(MessageWords.class);

    /** Bundle prefixes of the enum constants a message may carry ({@code prefix + "." + NAME}). */
    private static final Map<String, String> ENUM_LABELS = Map.of(
            "ProcessRoute", "ageing.route",
            "Role", "role",
            "HeatStatus", "heats.status",
            "MaterialKind", "kind",
            "RapidTechnique", "rapidTechnique");

    private MessageWords() {
    }

    /** {@code message} in the language of {@code m}. */
    public static String of(Message message, Messages m) {
        Object[] args = message.args().stream().map(a -> argument(a, m)).toArray();
        return m.get(message.code(), args);
    }

    /** Each of {@code messages} in the language of {@code m}. */
    public static List<String> of(List<Message> messages, Messages m) {
        return messages.stream().map(x -> of(x, m)).toList();
    }

    /**
     * Why {@code e} happened, in the language of {@code m}: a refusal with a code in its words; any other error as
     * {@code error.unexpected} (its whole text and stack go to the log).
     */
    public static String failure(Throwable e, Messages m) {
        return coded(e, m).orElseGet(() -> unexpected(e, m));
    }

    /**
     * As {@link #failure(Throwable, Messages)}, a refusal with a code as is, any other error inside the text of
     * {@code wrapperKey} (whose {0} takes the short localised line), e.g. "The calculation failed: …".
     */
    public static String failure(Throwable e, Messages m, String wrapperKey) {
        return coded(e, m).orElseGet(() -> m.get(wrapperKey, unexpected(e, m)));
    }

    /**
     * Why reading ({@code write} false) or writing {@code file} failed, in the language of {@code m}, naming the
     * file: a refusal with a code in its words, a file problem of a common kind (no permission, no such file or
     * folder, a full or read-only disk…) said as such, or a malformed file named with the place of the fault; any
     * other error as "cannot read/write the file", its whole text and stack in the log.
     */
    public static String fileFailure(Throwable e, Path file, boolean write, Messages m) {
        Optional<String> coded = coded(e, m);
        if (coded.isPresent()) {
            return coded.get();
        }
        if (e instanceof FormatException f) {
            LOG.warn("{} is refused", file, e);
            return m.get("file.read.format", file.toString(), f.jsonPointer(), f.line());
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof IOException io) {
                Message said = write ? FileProblems.writing(file, io) : FileProblems.reading(file, io);
                if (FileProblems.unexplained(said)) {
                    LOG.error("shown to the user as a file that cannot be {}", write ? "written" : "read", e);
                }
                return of(said, m);
            }
        }
        LOG.error("shown to the user as a file that cannot be {}", write ? "written" : "read", e);
        return of(write ? FileProblems.writing(file, new IOException(e)) : FileProblems.reading(file, new IOException(e)), m);
    }

    /** The field a refusal names ({@code "materials[2].id"}, {@code "batchMassKg"}), or "" when it names none. */
    public static String refusedField(Throwable refusal) {
        return refusal instanceof MessageException m ? m.field().orElse("") : "";
    }

    /** The words of a refusal that carries a code, or empty for an error that does not. */
    public static Optional<String> coded(Throwable e, Messages m) {
        if (e instanceof MessageException x) {
            return Optional.of(of(x.message(), m));
        }
        if (e instanceof InputException x) {
            return Optional.of(x.localized(m));
        }
        if (e instanceof StoreException x && x.reason().isPresent()) {
            return Optional.of(of(x.reason().get(), m));
        }
        if (e instanceof UnreadableFileException x) {
            return Optional.of(of(x.reason(), m));
        }
        if (e instanceof SpectrometerFormatException x) {
            return Optional.of(of(x.reason(), m));
        }
        return Optional.empty();
    }

    private static String unexpected(Throwable e, Messages m) {
        LOG.error("shown to the user as an unexpected error", e);
        return m.get("error.unexpected");
    }

    private static Object argument(Object a, Messages m) {
        if (a instanceof Double || a instanceof Float) {
            return m.quantities().number(((Number) a).doubleValue(), 0, 4);
        }
        if (a instanceof Enum<?> e) {
            String prefix = ENUM_LABELS.get(e.getDeclaringClass().getSimpleName());
            return prefix != null && m.has(prefix + "." + e.name()) ? m.label(prefix, e) : e.name();
        }
        if (a instanceof Message inner) {
            if (Reasons.inLog(inner)) {
                // Its words say the reason is in the log: the system's or the parser's own text goes there.
                LOG.warn("shown to the user as a reason in the log ({}): {}", inner.code(), inner.english());
            }
            return of(inner, m);
        }
        if (a instanceof Instant at) {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(m.locale())
                    .withZone(ZoneId.systemDefault()).format(at);
        }
        if (a instanceof Map<?, ?> amounts) {
            // Element amounts: "Cu 4, Zn 1.5".
            return amounts.entrySet().stream().map(e -> e.getKey() + " " + argument(e.getValue(), m)).collect(Collectors.joining(", "));
        }
        if (a instanceof Collection<?> c) {
            // Items that hold commas of their own (a citation, a French decimal) are kept apart by "; ".
            List<String> items = c.stream().map(x -> String.valueOf(argument(x, m))).toList();
            return String.join(items.stream().anyMatch(x -> x.contains(",")) ? "; " : ", ", items);
        }
        return a;
    }
}
