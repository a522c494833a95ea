package ca.scalloy.ui.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The screens' divider positions, kept in the user's preferences between sessions (issue 13 point 7). */
class DividerMemoryTest {

    /** Preferences in a map, as the settings file keeps them between two sessions; can be made to refuse writing. */
    private static final class MapPreferences implements DividerMemory.Preferences {
        final Map<String, String> kept = new HashMap<>();
        boolean refuse;

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(kept.get(key));
        }

        @Override
        public void put(String key, String text) throws IOException {
            if (refuse) {
                throw new IOException("read-only settings");
            }
            kept.put(key, text);
        }
    }

    private final MapPreferences preferences = new MapPreferences();

    @Test
    void dividersMovedInOneSessionOpenThereInTheNext() {
        DividerMemory first = new DividerMemory(preferences);
        assertArrayEquals(new double[] {0.59, 0.8}, first.positions("BATCH", 0.59, 0.8));
        first.moved("BATCH", 0.4, 0.7);
        first.moved("LIBRARY", 0.8);

        DividerMemory next = new DividerMemory(preferences);
        assertArrayEquals(new double[] {0.4, 0.7}, next.positions("BATCH", 0.59, 0.8), 1e-9);
        assertArrayEquals(new double[] {0.8}, next.positions("LIBRARY", 0.66), 1e-9);
        // a screen never dragged opens where it puts its dividers
        assertArrayEquals(new double[] {0.36}, next.positions("SPECIFICATIONS", 0.36), 1e-9);
        // kept as text with a point whatever the language, under a key naming its unit
        assertEquals("0.4000;0.7000", preferences.kept.get("layout.BATCH.dividerFractions"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.4", "0.4;0.7;0.9", "0,4;0,7", "abc;0.7", "0.7;0.4", "0;0.5", "0.5;1.2", "NaN;0.5", ""})
    void positionsKeptThatDoNotFitTheScreenGiveWayToItsOwn(String kept) {
        preferences.kept.put("layout.BATCH.dividerFractions", kept);
        assertArrayEquals(new double[] {0.59, 0.8}, new DividerMemory(preferences).positions("BATCH", 0.59, 0.8));
    }

    @Test
    void positionsThatCannotBeWrittenStillHoldForTheSession() {
        preferences.refuse = true;
        DividerMemory memory = new DividerMemory(preferences);
        memory.moved("HEATS", 0.3);
        assertArrayEquals(new double[] {0.3}, memory.positions("HEATS", 0.52), 1e-9);
        assertEquals(Map.of(), preferences.kept);
    }

    @Test
    void aPositionOutsideThePaneIsNotKept() {
        DividerMemory memory = new DividerMemory(preferences);
        memory.moved("HEATS", 1.5);
        assertArrayEquals(new double[] {0.52}, memory.positions("HEATS", 0.52), 1e-9);
        assertEquals(Map.of(), preferences.kept);
    }
}
