package ca.scalloy.ui.common;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;

/**
 * The listeners a screen's view puts on what outlives it (its view model, whose state it draws), taken off together
 * when the view is dropped: a language switch builds every screen again over the same view models
 * ({@link MainShell#dispose}). Without it, each dropped view stayed reachable from its view model and went on redrawing
 * its charts for nobody. A view keeps one, listens through it, and hands it to its root ({@link #attachTo}).
 *
 * <p>Listeners a shared widget puts on a view model ({@link Widgets}) are weak instead, held by the node they serve, so
 * they go with the view.
 */
public final class ViewLifetime {

    private static final Object KEY = ViewLifetime.class;

    private final List<Runnable> removals = new ArrayList<>();

    /** Adds {@code listener} to {@code source} until {@link #end}. */
    public <T> void listen(ObservableValue<T> source, ChangeListener<? super T> listener) {
        source.addListener(listener);
        removals.add(() -> source.removeListener(listener));
    }

    /** Adds {@code listener} to {@code source} until {@link #end}. */
    public <E> void listenToList(ObservableList<E> source, ListChangeListener<? super E> listener) {
        source.addListener(listener);
        removals.add(() -> source.removeListener(listener));
    }

    /** Runs {@code undo} at {@link #end}: what else ties a view model to the view (a binding of the model's property). */
    public void onEnd(Runnable undo) {
        removals.add(undo);
    }

    /** Makes this the lifetime of the view whose root is {@code root} ({@link #endOf}); returns {@code root}. */
    public <N extends Node> N attachTo(N root) {
        root.getProperties().put(KEY, this);
        return root;
    }

    /** Takes every listener off; listening again starts a new set. */
    public void end() {
        removals.forEach(Runnable::run);
        removals.clear();
    }

    /** How many listeners are on (for the tests). */
    int listening() {
        return removals.size();
    }

    /** The lifetime attached to {@code root}, or null (for the tests). */
    static ViewLifetime of(Node root) {
        return root.getProperties().get(KEY) instanceof ViewLifetime lifetime ? lifetime : null;
    }

    /** Ends the lifetime attached to {@code root}, if it has one. */
    public static void endOf(Node root) {
        ViewLifetime lifetime = of(root);
        if (lifetime != null) {
            lifetime.end();
        }
    }
}
