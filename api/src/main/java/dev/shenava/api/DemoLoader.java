package dev.shenava.api;

import dev.shenava.store.Mention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the demo brands and mentions through the ingest pipeline. Loading twice changes nothing but
 * the timestamps' anchor (ids are stable).
 */
final class DemoLoader {

    private static final System.Logger LOG = System.getLogger(DemoLoader.class.getName());

    private DemoLoader() {
    }

    /**
     * Registers the demo brands and sends the demo posts through the pipeline.
     *
     * @param runtime the running service
     * @return how many mentions were handed to the journal
     */
    static int load(ShenavaRuntime runtime) {
        try {
            runtime.register(DemoData.BRANDS);
            List<Mention> batch = new ArrayList<>();
            int n = 0;
            for (DemoData.DemoPost p : DemoData.generate(Instant.now())) {
                var m = runtime.pipeline().mention(p.post(), List.of(p.brand()), p.lang());
                if (m.isPresent()) {
                    batch.add(m.get());
                }
                if (batch.size() == 500) {
                    runtime.pipeline().accept(batch);
                    n += batch.size();
                    batch = new ArrayList<>();
                }
            }
            runtime.pipeline().accept(batch);
            n += batch.size();
            LOG.log(System.Logger.Level.INFO, "demo: {0} mentions handed to the store", n);
            return n;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "demo data could not be loaded: " + e.getMessage(), e);
            return 0;
        }
    }
}
