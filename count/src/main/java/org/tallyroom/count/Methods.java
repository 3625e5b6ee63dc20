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

/**
 * The one registry of counting methods: every method Tallyroom knows, by its id, with what the rest
 * of the system needs to know about it ({@link Method}). The command line, the store and the web
 * pages look methods up here instead of matching ids.
 */
public final class Methods {
    private static final Map<String, Method> BY_ID = new LinkedHashMap<>();

    static {
        register("first past the post", Method.Kind.PLURALITY, Method.Input.TOTALS, Method.Published.VOTES,
                new Fptp());
        register("block vote", Method.Kind.PLURALITY, Method.Input.TOTALS, Method.Published.VOTES, new BlockVote());
        register("supplementary vote", Method.Kind.PREFERENTIAL, Method.Input.FIRST_AND_SECOND_CHOICES,
                Method.Published.FINAL_ROUND, new SupplementaryVote());
        register("alternative vote", Method.Kind.PREFERENTIAL, Method.Input.RANKED_PAPERS,
                Method.Published.FINAL_ROUND, new AlternativeVote());
        register("D'Hondt list", Method.Kind.LIST, Method.Input.TOTALS, Method.Published.VOTES, new DHondt());
        register("Sainte-Laguë list", Method.Kind.LIST, Method.Input.TOTALS, Method.Published.VOTES,
                new SainteLague());
        register("additional member system", Method.Kind.LIST, Method.Input.TOTALS, Method.Published.VOTES,
                new AdditionalMember());
        register("single transferable vote (Scotland)", Method.Kind.STV, Method.Input.RANKED_PAPERS,
                Method.Published.FIRST_PREFERENCES, new ScottishStv());
        register("single transferable vote (Northern Ireland)", Method.Kind.STV, Method.Input.RANKED_PAPERS,
                Method.Published.FIRST_PREFERENCES, new NorthernIrelandStv());
        register("single transferable vote (ERS97)", Method.Kind.STV, Method.Input.RANKED_PAPERS,
                Method.Published.FIRST_PREFERENCES, new Ers97Stv());
        register("single transferable vote (Meek)", Method.Kind.STV, Method.Input.RANKED_PAPERS,
                Method.Published.FIRST_PREFERENCES, new MeekStv());
    }

    private Methods() {
    }

    private static void register(String name, Method.Kind kind, Method.Input input, Method.Published published,
                                 Rules rules) {
        BY_ID.put(rules.method(), new Method(rules.method(), name, kind, input, published, rules));
    }

    /** The method with this id; empty for null or an unknown id. */
    public static Optional<Method> method(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(BY_ID.get(id));
    }

    /** The rules of the method with this id. */
    public static Optional<Rules> byId(String id) {
        return method(id).map(Method::rules);
    }

    /** True where the id names a method of this kind. */
    public static boolean is(String id, Method.Kind kind) {
        return method(id).map(m -> m.kind() == kind).orElse(false);
    }

    /** What a count of the method needs; totals for null or an unknown id (a result entered as votes). */
    public static Method.Input counts(String id) {
        return method(id).map(Method::counts).orElse(Method.Input.TOTALS);
    }

    /** The votes a declared result publishes; each candidate's votes for null or an unknown id. */
    public static Method.Published publishes(String id) {
        return method(id).map(Method::publishes).orElse(Method.Published.VOTES);
    }

    /** The name a reader sees: the display name, the id itself if unknown. */
    public static String displayName(String id) {
        return method(id).map(Method::displayName).orElse(id);
    }

    /** Every method, in the order they are documented. */
    public static List<Method> all() {
        return List.copyOf(BY_ID.values());
    }

    /** Method ids in the order they are documented. */
    public static List<String> ids() {
        return List.copyOf(BY_ID.keySet());
    }
}
