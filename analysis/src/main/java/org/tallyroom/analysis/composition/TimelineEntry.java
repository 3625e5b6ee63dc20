package org.tallyroom.analysis.composition;

import java.time.LocalDate;

/**
 * One change in a timeline: what happened and the composition after it.
 *
 * @param controlChanged whether control differs from before the event
 */
public record TimelineEntry(LocalDate date, String description, Event event, Composition after,
                            boolean controlChanged) {
}
