package org.tallyroom.analysis.ward;

/** How many wards a candidate led outright, and how many they led level with another. */
public record WardLead(String name, String party, int wardsLed, int wardsLevel) {
}
