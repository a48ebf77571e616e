package dev.shenava.api;

import dev.shenava.store.MentionIndex;
import dev.shenava.store.MentionOverride;
import dev.shenava.store.MentionOverrides;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;

/**
 * {@code PATCH /api/v1/mentions/{id}}: an analyst corrects a mention's sentiment, touchpoints or tags.
 * The correction is kept apart and re-applied whenever the mention is written again.
 */
public final class MentionOverrideRoutes implements HttpService {

    private final MentionIndex mentions;
    private final MentionOverrides overrides;
    private final Runnable corrected;

    /**
     * Creates the routes.
     *
     * @param mentions  the mention index
     * @param overrides the corrections
     */
    public MentionOverrideRoutes(MentionIndex mentions, MentionOverrides overrides) {
        this(mentions, overrides, () -> { });
    }

    /**
     * Creates the routes.
     *
     * @param mentions  the mention index
     * @param overrides the corrections
     * @param corrected run after a correction is searchable, before the answer is sent (drops cached statistics)
     */
    public MentionOverrideRoutes(MentionIndex mentions, MentionOverrides overrides, Runnable corrected) {
        this.mentions = mentions;
        this.overrides = overrides;
        this.corrected = corrected;
    }

    /**
     * The request body; absent parts stay as they are.
     *
     * @param sentiment   positive, negative or neutral
     * @param touchpoints touchpoints, e.g. {@code ["delivery"]} or {@code ["delivery:negative"]}
     * @param tags        tags
     */
    public record Patch(String sentiment, List<String> touchpoints, List<String> tags) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.patch("/{id}", this::patch);
    }

    private void patch(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        Patch patch = req.content().hasEntity() ? req.content().as(Patch.class) : null;
        if (patch == null || patch.sentiment() == null && patch.touchpoints() == null && patch.tags() == null) {
            throw ApiException.badRequest("send one or more of {\"sentiment\": \"negative\", \"touchpoints\": "
                    + "[\"delivery\"], \"tags\": [\"x\"]}");
        }
        MentionOverride override = new MentionOverride(id, patch.sentiment(), patch.touchpoints(), patch.tags(), null);
        var mention = overrides.correct(mentions, override)
                .orElseThrow(() -> ApiException.notFound("no mention '" + MentionParams.shorten(id) + "'"));
        corrected.run();
        res.send(mention);
    }
}
