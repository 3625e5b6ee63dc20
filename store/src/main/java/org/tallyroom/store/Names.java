package org.tallyroom.store;

import java.util.Locale;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.id.ElectionType;

/** Readable names for organisations, divisions and elections where a source gives only slugs. */
final class Names {
    private Names() {
    }

    /** The organisation slug a ballot belongs to: its organisation part, or the type for types without one. */
    static String organisationSlug(ElectionId id) {
        return id.type().hasOrganisation() && id.organisation() != null ? id.organisation() : id.type().id();
    }

    static String organisationName(String slug) {
        return switch (slug) {
            case "parl" -> "House of Commons";
            case "nia" -> "Northern Ireland Assembly";
            case "gla" -> "Greater London Authority";
            case "sp" -> "Scottish Parliament";
            case "senedd" -> "Senedd Cymru";
            default -> fromSlug(slug);
        };
    }

    /** "tower-hamlets" to "Tower Hamlets"; "barnet-and-camden" to "Barnet and Camden". */
    static String fromSlug(String slug) {
        StringBuilder sb = new StringBuilder();
        for (String w : slug.split("-")) {
            if (w.isEmpty()) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            boolean minor = !sb.isEmpty() && (w.equals("and") || w.equals("of") || w.equals("the") || w.equals("upon")
                    || w.equals("on") || w.equals("with") || w.equals("in"));
            sb.append(minor ? w : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1));
        }
        return sb.toString();
    }

    static String typeLabel(ElectionType type, String subtype) {
        return switch (type) {
            case LOCAL -> "local elections";
            case PARL -> "UK Parliament elections";
            case GLA -> "c".equals(subtype) ? "London Assembly constituency elections"
                    : "a".equals(subtype) ? "London Assembly London-wide election" : "London Assembly elections";
            case MAYOR -> "mayoral elections";
            case PCC -> "Police and Crime Commissioner elections";
            case REF -> "referendums";
            case SP -> "c".equals(subtype) ? "Scottish Parliament constituency elections"
                    : "r".equals(subtype) ? "Scottish Parliament regional elections" : "Scottish Parliament elections";
            case SENEDD -> "c".equals(subtype) ? "Senedd constituency elections"
                    : "r".equals(subtype) ? "Senedd regional elections" : "Senedd elections";
            case NIA -> "Northern Ireland Assembly elections";
            case SELECTION -> "selections";
        };
    }

    static String electionName(ElectionId id, String organisationName) {
        String label = typeLabel(id.type(), id.subtype());
        if (id.organisation() != null && organisationName != null) {
            String single = id.type() == ElectionType.LOCAL ? "local election" : label.replaceFirst("s$", "");
            return organisationName + " " + single + " " + id.date();
        }
        return Character.toUpperCase(label.charAt(0)) + label.substring(1) + " " + id.date();
    }
}
