package org.tallyroom.store.analysis;

import java.util.List;
import org.tallyroom.analysis.composition.Timeline;
import org.tallyroom.store.Events;

/**
 * A body's membership from its last ordinary election through the stored events after it.
 *
 * @param electionId the ordinary election the membership starts from
 * @param timeline   the composition after each event
 * @param events     the events applied, as stored
 */
public record StoredTimeline(String electionId, Timeline timeline, List<Events.StoredEvent> events) {
    public StoredTimeline {
        events = List.copyOf(events);
    }
}
