package org.tallyroom.analysis.composition;

/** A ward or constituency of the body and its seats. */
public record Division(String id, String name, int seats) {
}
