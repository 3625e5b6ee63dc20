package org.tallyroom.store.id;

import java.util.Optional;

/**
 * The four nations, which decide the voting system at local elections. A GSS code's first letter
 * names the nation (E England, W Wales, S Scotland, N Northern Ireland).
 */
public enum Nation {
    ENGLAND, WALES, SCOTLAND, NORTHERN_IRELAND;

    /** The nation of a GSS code such as {@code E05013651}; empty for blank or unrecognised codes. */
    public static Optional<Nation> ofGss(String gss) {
        if (gss == null || gss.isBlank()) {
            return Optional.empty();
        }
        return switch (Character.toUpperCase(gss.strip().charAt(0))) {
            case 'E' -> Optional.of(ENGLAND);
            case 'W' -> Optional.of(WALES);
            case 'S' -> Optional.of(SCOTLAND);
            case 'N' -> Optional.of(NORTHERN_IRELAND);
            default -> Optional.empty();
        };
    }
}
