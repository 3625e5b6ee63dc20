package org.tallyroom.store.id;

import java.util.Objects;

/**
 * An organisation as the command line names it, for events and composition: the election type and the
 * organisation slug, {@code local.barnet}; or the type alone for bodies whose ids name no organisation
 * ({@code parl}, {@code gla}), whose organisation slug is the type (as the store files them).
 *
 * @param type the election type its ordinary elections have
 * @param slug the organisation's slug in the store
 */
public record OrganisationId(ElectionType type, String slug) {
    public OrganisationId {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(slug, "slug");
    }

    /** Parses {@code local.barnet} or {@code parl}, saying what is wrong. */
    public static OrganisationId parse(String text) {
        String s = text.strip();
        int dot = s.indexOf('.');
        String typeText = dot < 0 ? s : s.substring(0, dot);
        ElectionType type = ElectionType.byId(typeText).filter(t -> t.id().equals(typeText))
                .orElseThrow(() -> new IllegalArgumentException("expected an organisation such as local.barnet or "
                        + "parl, found '" + s + "'"));
        if (!type.hasOrganisation()) {
            if (dot >= 0) {
                throw new IllegalArgumentException("expected '" + type.id() + "' alone (" + type.id()
                        + " ids name no organisation), found '" + s + "'");
            }
            return new OrganisationId(type, type.id());
        }
        String slug = dot < 0 ? "" : s.substring(dot + 1);
        if (!Slug.isSlug(slug)) {
            throw new IllegalArgumentException("expected " + type.id() + ".<organisation slug>, such as local.barnet, found '"
                    + s + "'");
        }
        return new OrganisationId(type, slug);
    }

    @Override
    public String toString() {
        return type.hasOrganisation() ? type.id() + "." + slug : slug;
    }
}
