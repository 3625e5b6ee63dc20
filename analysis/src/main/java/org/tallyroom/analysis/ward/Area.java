package org.tallyroom.analysis.ward;

import java.util.Objects;

/**
 * An area wards add up to: a borough (local authority) or an Assembly constituency.
 *
 * @param id   its GSS code where known (a borough's E09 code), else a slug of its name
 * @param name its name for display
 */
public record Area(String id, String name) {
    public Area {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
