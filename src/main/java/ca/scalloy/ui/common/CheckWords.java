package ca.scalloy.ui.common;

/** The names of compliance checks in the user's language. */
public final class CheckWords {

    private CheckWords() {
    }

    /** The engine names "others" checks in English ("others each (Fe)", "others total"); elements stay symbols. */
    public static String elementName(String engineName, Messages messages) {
        if (engineName.startsWith("others each")) {
            return messages.get("compliance.othersEach") + engineName.substring("others each".length());
        }
        if (engineName.equals("others total")) {
            return messages.get("compliance.othersTotal");
        }
        return engineName;
    }
}
