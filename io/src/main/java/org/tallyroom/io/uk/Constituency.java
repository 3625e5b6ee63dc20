package org.tallyroom.io.uk;

import java.util.Objects;

/**
 * A Westminster constituency as the House of Commons Library files describe it.
 *
 * @param onsId        the ONS (GSS) code, e.g. {@code E14000634}
 * @param name         "Chipping Barnet"
 * @param regionOnsId  the region's ONS code ({@code E12000007}); empty if absent
 * @param region       "London", "Scotland"...
 * @param country      "England", "Scotland", "Wales", "Northern Ireland"
 * @param county       the county name; empty where the file leaves it blank (the 2017 by-candidate file)
 * @param type         "Borough" or "County" (the constituency type of the 1983 Act)
 */
public record Constituency(String onsId, String name, String regionOnsId, String region, String country,
                           String county, String type) {
    public Constituency {
        Objects.requireNonNull(onsId, "onsId");
        Objects.requireNonNull(name, "name");
    }
}
