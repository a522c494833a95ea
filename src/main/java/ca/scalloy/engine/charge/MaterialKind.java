package ca.scalloy.engine.charge;

/** What a raw material is, which decides how it behaves in the melt. */
public enum MaterialKind {
    /** Pure or commercially pure metal (P1020 aluminium, magnesium ingot, Sc metal). */
    METAL,
    /** An alloy charged as metal (5083 ingot). */
    ALLOY,
    /** Returned scrap or purchased scrap with a known assay. */
    SCRAP,
    /** A master alloy (AlSc2, AlZr10, AlTi5B1). */
    MASTER_ALLOY,
    /** A salt or oxide reduced by aluminium (Sc2O3, ScF3, K2ZrF6); its element content follows from its formula. */
    COMPOUND,
    /** A flux: no metal, all of it goes to the slag. */
    FLUX;

    /** Whether the material is charged as metal (composition given as an assay). */
    public boolean isMetallic() {
        return this != COMPOUND && this != FLUX;
    }
}
