package bot.market;

import java.util.List;

/**
 * The streams of one connection, found by the bytes of their name without building a String:
 * an open-addressing table, so a connection with 1024 streams costs the same as one with one.
 */
final class StreamTable {

    record Entry(KlineStream stream, byte[] name, byte[] symbol, byte[] interval) {
    }

    private final Entry[] entries;
    private final Entry[] slots;

    StreamTable(List<KlineStream> streams) {
        this.entries = new Entry[streams.size()];
        this.slots = new Entry[Integer.highestOneBit(Math.max(1, streams.size()) * 2) * 2];
        for (int i = 0; i < entries.length; i++) {
            KlineStream s = streams.get(i);
            Entry e = new Entry(s, KlineEventParser.ascii(s.name()),
                    KlineEventParser.ascii(s.symbol()), KlineEventParser.ascii(s.interval().code()));
            entries[i] = e;
            int slot = hash(e.name(), 0, e.name().length) & (slots.length - 1);
            while (slots[slot] != null) {
                slot = (slot + 1) & (slots.length - 1);
            }
            slots[slot] = e;
        }
    }

    /** The entry whose stream name is {@code bytes[start, end)}, or null. */
    Entry byName(byte[] bytes, int start, int end) {
        int slot = hash(bytes, start, end) & (slots.length - 1);
        while (slots[slot] != null) {
            if (KlineEventParser.equal(bytes, start, end, slots[slot].name())) {
                return slots[slot];
            }
            slot = (slot + 1) & (slots.length - 1);
        }
        return null;
    }

    /** The single stream of a one-stream connection (the plain {@code /ws/} form), or null. */
    Entry only() {
        return entries.length == 1 ? entries[0] : null;
    }

    /** Rare: a plain-form message on a connection with several streams. */
    Entry bySymbolAndInterval(byte[] bytes, int symbolStart, int symbolEnd, int intervalStart, int intervalEnd) {
        for (Entry e : entries) {
            if (KlineEventParser.equal(bytes, symbolStart, symbolEnd, e.symbol())
                    && KlineEventParser.equal(bytes, intervalStart, intervalEnd, e.interval())) {
                return e;
            }
        }
        return null;
    }

    private static int hash(byte[] bytes, int start, int end) {
        int h = 0x811c9dc5;
        for (int i = start; i < end; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
