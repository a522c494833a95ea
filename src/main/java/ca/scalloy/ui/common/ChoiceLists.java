package ca.scalloy.ui.common;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javafx.collections.ObservableList;

/**
 * The lists a combo box chooses from, refreshed in place.
 *
 * <p>A combo box whose items are replaced whole ({@code setAll}) drops its value, and a binding then writes that
 * blank back into the view model: a filter fell back to "all", the specification chosen for the next heat went back
 * to the default. Refreshed here, an item that stays is never removed, so the choice made stays.
 */
public final class ChoiceLists {

    private ChoiceLists() {
    }

    /**
     * Makes {@code list} equal to {@code wanted} (same items, same order) by removing the items no longer wanted and
     * inserting the new ones where they belong; an item in both is removed only if its order changed.
     */
    public static <T> void refresh(ObservableList<T> list, List<? extends T> wanted) {
        Set<T> keep = new HashSet<>(wanted);
        list.removeIf(item -> !keep.contains(item));
        for (int i = 0; i < wanted.size(); i++) {
            T item = wanted.get(i);
            if (i < list.size() && Objects.equals(list.get(i), item)) {
                continue;
            }
            int at = list.indexOf(item);
            if (at > i) {
                list.remove(at);
            }
            list.add(i, item);
        }
        if (list.size() > wanted.size()) {
            list.remove(wanted.size(), list.size());
        }
    }
}
