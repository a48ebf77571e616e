package dev.shenava.crawler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Drops posts already handed on: the same canonical URL, or the same story syndicated twice (same normalised
 * text). Keys are scoped to the brands a source serves, so a story found by two sources for different brands
 * reaches both.
 */
final class Deduper {

    /** Texts shorter than this are too generic to call duplicates by content. */
    private static final int MIN_HASHED_LENGTH = 60;

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Boolean> recent;

    Deduper(int capacity) {
        this.capacity = capacity;
        this.recent = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > Deduper.this.capacity;
            }
        };
    }

    List<Post> fresh(Source source, List<Post> posts) {
        List<Post> out = new ArrayList<>();
        Set<String> batch = new HashSet<>();
        lock.lock();
        try {
            for (Post p : posts) {
                List<String> keys = keys(source, p);
                boolean duplicate = keys.stream().anyMatch(k -> recent.containsKey(k) || batch.contains(k));
                batch.addAll(keys);
                if (!duplicate) {
                    out.add(p);
                }
            }
        } finally {
            lock.unlock();
        }
        return out;
    }

    void remember(Source source, List<Post> posts) {
        lock.lock();
        try {
            posts.forEach(p -> keys(source, p).forEach(k -> recent.put(k, Boolean.TRUE)));
        } finally {
            lock.unlock();
        }
    }

    private static List<String> keys(Source source, Post p) {
        String scope = String.join(",", new TreeSet<>(source.brands())) + "|";
        List<String> keys = new ArrayList<>(3);
        boolean page = p.kind() == SourceKind.WEB; // a page that changed is news again
        keys.add(scope + "id:" + p.source() + "/" + p.nativeId() + (page ? "#" + ContentHash.of(p.title(), p.text()) : ""));
        if (!p.url().isEmpty() && !page) {
            keys.add(scope + "url:" + p.url());
        }
        String normalised = ContentHash.normalise(p.text());
        if (normalised.length() >= MIN_HASHED_LENGTH) {
            keys.add(scope + "text:" + ContentHash.of(p.title(), p.text()));
        }
        return keys;
    }
}
