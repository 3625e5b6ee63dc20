package org.tallyroom.analysis.projection;

/** How national changes in share are applied seat by seat. */
public enum SwingModel {
    /**
     * Uniform national swing: each candidate's share in every seat changes by their party's national
     * change in points (+3 points everywhere). Shares are not clamped at zero: a negative share
     * cannot win, which is all a seat count needs.
     */
    UNIFORM("uniform: each party's share in every seat changes by its national change in points"),
    /**
     * Proportional swing: each candidate's share in a seat is multiplied by their party's national
     * ratio new/old ((old + change) / old, nationally), parties not named keeping ratio 1; the seat's
     * shares are then divided by their sum so they add up to 1 again. A party loses most where it
     * was strongest. Renormalising changes no order within a seat, so seat counts do not depend on
     * it; it makes the projected shares true shares. The national totals of projected votes do not
     * then match the requested changes exactly; seats are what is projected.
     */
    PROPORTIONAL("proportional: each party's share in every seat times its national new/old ratio, renormalised");

    private final String description;

    SwingModel(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
