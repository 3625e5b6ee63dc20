package org.tallyroom.io.uk;

import java.util.Objects;

/**
 * A London borough ward.
 *
 * @param gssCode        the ward's GSS code ({@code E05013630}); boundaries change, so the code
 *                       identifies the ward as it stood at that election
 * @param name           the ward's name
 * @param boroughGssCode the borough's GSS code ({@code E09000003})
 * @param borough        the borough's name as the file spells it ("Barking & Dagenham" in 2022,
 *                       "Barking and Dagenham" in 2018)
 */
public record Ward(String gssCode, String name, String boroughGssCode, String borough) {
    public Ward {
        Objects.requireNonNull(gssCode, "gssCode");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(boroughGssCode, "boroughGssCode");
        Objects.requireNonNull(borough, "borough");
    }
}
