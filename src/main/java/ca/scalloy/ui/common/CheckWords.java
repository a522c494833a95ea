package ca.scalloy.ui.common;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.spec.ElementCheck;

/** The names of compliance checks in the user's language. */
public final class CheckWords {

    private CheckWords() {
    }

    /**
     * The engine names "others" checks in English ("others each (Fe)", "others total"), read once by
     * {@link ElementCheck#nameArgument}; elements stay symbols.
     */
    public static String elementName(String engineName, Messages messages) {
        return ElementCheck.nameArgument(engineName) instanceof Message words ? MessageWords.of(words, messages) : engineName;
    }
}
