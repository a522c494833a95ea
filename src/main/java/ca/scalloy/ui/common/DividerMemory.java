package ca.scalloy.ui.common;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the user left each screen's split-pane dividers, kept between sessions in the user's preferences: a screen
 * opens with its dividers where they were dragged last, or where the screen puts them when nothing (or nothing
 * usable) was kept. Positions are fractions of the split pane's width or height, 0 to 1, one per divider.
 */
public final class DividerMemory {

    /** The user's preferences, a text per key (the settings file in the application). */
    public interface Preferences {

        /** The text kept under {@code key}, if any. */
        Optional<String> get(String key);

        /** Keeps {@code text} under {@code key}, beside the other preferences. */
        void put(String key, String text) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(DividerMemory.class);
    private static final String SEPARATOR = ";";

    private final Preferences preferences;
    /** This session's positions, which hold even when they could not be written. */
    private final Map<String, double[]> session = new HashMap<>();

    public DividerMemory(Preferences preferences) {
        this.preferences = preferences;
    }

    /** The preference key of a split pane ({@code "LIBRARY"}, {@code "BATCH"}…). */
    static String key(String splitPane) {
        return "layout." + splitPane + ".dividerFractions";
    }

    /**
     * The positions to show {@code splitPane}'s dividers at: the ones kept, when there are as many as
     * {@code defaults} and each is a fraction in order; else {@code defaults}.
     */
    public double[] positions(String splitPane, double... defaults) {
        double[] now = session.get(splitPane);
        if (now != null && now.length == defaults.length) {
            return now.clone();
        }
        Optional<String> kept;
        try {
            kept = preferences.get(key(splitPane));
        } catch (RuntimeException e) {
            LOG.warn("cannot read the divider positions of {}", splitPane, e);
            kept = Optional.empty();
        }
        return kept.flatMap(text -> parse(text, defaults.length)).orElse(defaults.clone());
    }

    /** The user moved {@code splitPane}'s dividers to {@code fractions}: kept for this session and the next ones. */
    public void moved(String splitPane, double... fractions) {
        if (parse(format(fractions), fractions.length).isEmpty()) {
            return;
        }
        double[] before = session.put(splitPane, fractions.clone());
        if (before != null && Arrays.equals(before, fractions)) {
            return;
        }
        try {
            preferences.put(key(splitPane), format(fractions));
        } catch (IOException | RuntimeException e) {
            // A layout not kept is not the user's work lost: said in the log, the session keeps it.
            LOG.warn("cannot keep the divider positions of {}", splitPane, e);
        }
    }

    private static String format(double[] fractions) {
        return Arrays.stream(fractions).mapToObj(f -> String.format(Locale.ROOT, "%.4f", f)).collect(Collectors.joining(SEPARATOR));
    }

    /** {@code count} fractions in (0, 1), each no less than the one before; empty for anything else. */
    private static Optional<double[]> parse(String text, int count) {
        String[] parts = text.strip().split(SEPARATOR, -1);
        if (count == 0 || parts.length != count) {
            return Optional.empty();
        }
        double[] fractions = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                fractions[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (!(fractions[i] > 0 && fractions[i] < 1) || (i > 0 && fractions[i] < fractions[i - 1])) {
                return Optional.empty();
            }
        }
        return Optional.of(fractions);
    }
}
