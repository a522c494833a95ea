package ca.scalloy.engine.heat;

import java.util.Objects;

/** The heat workflow refuses an action; {@link #refusal()} says why as a code with arguments. */
public final class HeatRuleException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient HeatRefusal refusal;

    public HeatRuleException(HeatRefusal refusal) {
        super(Objects.requireNonNull(refusal, "refusal").message());
        this.refusal = refusal;
    }

    /** Why, as a code with arguments. */
    public HeatRefusal refusal() {
        return refusal;
    }
}
