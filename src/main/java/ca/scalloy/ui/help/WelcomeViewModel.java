package ca.scalloy.ui.help;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ca.scalloy.ui.common.DialogService;
import ca.scalloy.ui.common.Messages;

/**
 * The welcome: shown at the first start (and at every start while "Show at start" is ticked), with the example
 * recipes one click away and the user guide. Whether it shows is kept in the user's settings: nothing stored
 * means a first start, after which it is stored as not shown at start, so the next start goes straight to work.
 */
public final class WelcomeViewModel {

    /** Where "show at start" is kept (the user's settings file). */
    public interface StartSettings {
        /** The stored choice; empty when none was ever stored (the first start). */
        Optional<Boolean> showAtStart();

        /** Stores the choice. @throws IOException when the settings cannot be written */
        void setShowAtStart(boolean show) throws IOException;

        /** The settings' location, for a message when they cannot be written. */
        String where();
    }

    /** What the welcome's links do. */
    public interface Actions {
        /** Opens the example recipe {@code name} in the Batch screen. @return whether it was opened (not cancelled) */
        boolean openExample(String name);

        /** Help › User guide. */
        void openUserGuide();
    }

    /** An example recipe: its file name (without {@code .json}) and what it shows, in the user's language. */
    public record Example(String name, String description) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(WelcomeViewModel.class);

    private final Messages messages;
    private final StartSettings settings;
    private final Actions actions;
    private final DialogService dialogs;
    private final List<Example> examples;
    private final BooleanProperty showAtStart = new SimpleBooleanProperty(this, "showAtStart");
    private final ReadOnlyBooleanWrapper closeRequested = new ReadOnlyBooleanWrapper(this, "closeRequested");
    /** Set while the box follows the stored value, so that following it is not taken for the user's change. */
    private boolean loading;

    /**
     * @param exampleNames the example recipes' file names without {@code .json}, each with a
     *        {@code welcome.example.NAME} message saying what it shows
     */
    public WelcomeViewModel(Messages messages, StartSettings settings, Actions actions, DialogService dialogs, List<String> exampleNames) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.examples = exampleNames.stream().map(n -> new Example(n, messages.get("welcome.example." + n))).toList();
        follow(settings.showAtStart().orElse(false));
        showAtStart.addListener((o, was, now) -> {
            if (!loading) {
                store(now);
            }
        });
    }

    /**
     * At start: whether to show the welcome now. The first time (nothing stored) it says yes and stores
     * "not at start", which the box then shows; the user ticks it to keep the welcome.
     */
    public boolean showNowAtStart() {
        Optional<Boolean> stored = settings.showAtStart();
        if (stored.isPresent()) {
            follow(stored.get());
            return stored.get();
        }
        follow(false);
        store(false);
        return true;
    }

    /** The "Show at start" box; a change is stored at once. */
    public BooleanProperty showAtStartProperty() {
        return showAtStart;
    }

    public List<Example> examples() {
        return examples;
    }

    /** Opens {@code example} in the Batch screen and closes the welcome, unless the user cancelled (unsaved changes). */
    public void open(Example example) {
        if (actions.openExample(example.name())) {
            closeRequested.set(true);
        }
    }

    /** Opens the user guide, leaving the welcome open beside it. */
    public void openUserGuide() {
        actions.openUserGuide();
    }

    /** True once the welcome has done its job (an example opened): the view closes it. */
    public ReadOnlyBooleanProperty closeRequestedProperty() {
        return closeRequested.getReadOnlyProperty();
    }

    public Messages messages() {
        return messages;
    }

    private void follow(boolean stored) {
        loading = true;
        try {
            showAtStart.set(stored);
        } finally {
            loading = false;
        }
    }

    private void store(boolean show) {
        try {
            settings.setShowAtStart(show);
        } catch (IOException e) {
            LOG.warn("cannot store welcome.showAtStart={} in {}", show, settings.where(), e);
            dialogs.showError(messages.get("welcome.settingsFailed.title"), messages.get("welcome.settingsFailed", settings.where()));
        }
    }
}
