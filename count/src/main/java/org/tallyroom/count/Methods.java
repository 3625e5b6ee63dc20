package org.tallyroom.count;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tallyroom.count.list.AdditionalMember;
import org.tallyroom.count.list.DHondt;
import org.tallyroom.count.list.SainteLague;
import org.tallyroom.count.plurality.BlockVote;
import org.tallyroom.count.plurality.Fptp;
import org.tallyroom.count.preferential.AlternativeVote;
import org.tallyroom.count.preferential.SupplementaryVote;
import org.tallyroom.count.stv.Ers97Stv;
import org.tallyroom.count.stv.MeekStv;
import org.tallyroom.count.stv.NorthernIrelandStv;
import org.tallyroom.count.stv.ScottishStv;

/** Every counting method Tallyroom knows, by its id. */
public final class Methods {
    private static final Map<String, Rules> BY_ID = new LinkedHashMap<>();

    static {
        for (Rules r : List.<Rules>of(new Fptp(), new BlockVote(), new SupplementaryVote(), new AlternativeVote(),
                new DHondt(), new SainteLague(), new AdditionalMember(),
                new ScottishStv(), new NorthernIrelandStv(), new Ers97Stv(), new MeekStv())) {
            BY_ID.put(r.method(), r);
        }
    }

    private Methods() {
    }

    public static Optional<Rules> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** Method ids in the order they are documented. */
    public static List<String> ids() {
        return List.copyOf(BY_ID.keySet());
    }
}
