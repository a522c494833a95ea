package ca.scalloy.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import org.junit.jupiter.api.Test;

class ChoiceListsTest {

    /** The items removed along the way, as a combo box's selection model sees them. */
    private static List<String> removedWhileRefreshing(ObservableList<String> list, List<String> wanted) {
        List<String> removed = new ArrayList<>();
        list.addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                removed.addAll(c.getRemoved());
            }
        });
        ChoiceLists.refresh(list, wanted);
        return removed;
    }

    @Test
    void anItemThatStaysIsNeverRemovedWhileItemsComeAndGo() {
        ObservableList<String> list = FXCollections.observableArrayList("AlSc1", "AlSc2", "AlZr10");
        List<String> removed = removedWhileRefreshing(list, List.of("AA5024", "AlSc2", "AlSc2 aerospace", "AlZr10"));
        assertEquals(List.of("AA5024", "AlSc2", "AlSc2 aerospace", "AlZr10"), list);
        assertEquals(List.of("AlSc1"), removed);
    }

    @Test
    void endsEqualToTheWantedListWhateverItStartedFrom() {
        List<List<String>> starts = List.of(List.of(), List.of("a", "b", "c"), List.of("c", "b", "a"), List.of("x", "a", "y", "b"),
                List.of("b", "b", "a"));
        List<List<String>> wanted = List.of(List.of(), List.of("a"), List.of("a", "b", "c"), List.of("c", "a"), List.of("d", "b"));
        for (List<String> start : starts) {
            for (List<String> w : wanted) {
                ObservableList<String> list = FXCollections.observableArrayList(start);
                ChoiceLists.refresh(list, w);
                assertEquals(w, list, () -> "from " + start + " to " + w);
            }
        }
    }

    @Test
    void theSameListAgainChangesNothing() {
        ObservableList<String> list = FXCollections.observableArrayList("", "AERO", "EV", "MASTER_ALLOY");
        assertEquals(List.of(), removedWhileRefreshing(list, List.of("", "AERO", "EV", "MASTER_ALLOY")));
    }
}
