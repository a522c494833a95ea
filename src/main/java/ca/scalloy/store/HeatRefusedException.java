package ca.scalloy.store;

import ca.scalloy.engine.heat.HeatRefusal;
import ca.scalloy.engine.heat.HeatRuleException;

/**
 * The heat workflow ({@code engine.heat.HeatWorkflow}) refused a change to a heat; nothing was written.
 * The message is the refusal in English; {@link #refusal()} carries its code and arguments for the workbench.
 */
public final class HeatRefusedException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final transient HeatRefusal refusal;

    public HeatRefusedException(HeatRuleException cause) {
        super(cause);
        this.refusal = cause.refusal();
    }

    /** Why, as a code with arguments. */
    public HeatRefusal refusal() {
        return refusal;
    }
}
