package org.tallyroom.count.stv;

import java.util.Arrays;

/** A growable list of paper rows (a parcel being made up), without boxing. */
final class IntBag {
    int[] items = new int[8];
    int size;

    void add(int v) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = v;
    }

    int[] toArray() {
        return Arrays.copyOf(items, size);
    }
}
