package dev.shenava.store;

import dev.shenava.nlp.Brand;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordIndexIT {

    @Test
    void storesListsReplacesAndDeletesRecordsById() {
        RecordIndex<Brand> brands = RecordIndex.create(TestElasticsearch.client(), TestElasticsearch.uniqueIndex("brands"),
                Brand.class, Brand::id).ensureCreated();
        Brand b = new Brand("zood", "Zood", List.of("zood", "زود"), List.of(), List.of("rival"));
        assertTrue(brands.put(b));
        assertTrue(brands.put(new Brand("rival", "Rival", List.of("rival"), List.of(), List.of())));
        assertFalse(brands.put(b), "second put replaces");
        assertEquals(b, brands.get("zood").orElseThrow());
        assertEquals(List.of("rival", "zood"), brands.list(10).stream().map(Brand::id).toList());
        assertTrue(brands.delete("rival"));
        assertFalse(brands.delete("rival"));
        assertTrue(brands.get("rival").isEmpty());
    }
}
