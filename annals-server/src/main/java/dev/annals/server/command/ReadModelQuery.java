package dev.annals.server.command;

import java.util.Map;

/**
 * A question a read model answers at {@code GET /queries/{name}}: the server passes the request's query
 * parameters (first value of each) and writes the answer as JSON (records, lists and maps are fine).
 *
 * <p>A query that cannot answer its parameters throws {@link IllegalArgumentException} with a message
 * that names the parameter: the server answers 400 with it. A query that waits for a read model to reach
 * a position and gives up throws {@link dev.annals.projection.ProjectionLagException}: the server answers
 * 504 {@code projection_lag} with the projection, the awaited position, its checkpoint and the head.
 */
@FunctionalInterface
public interface ReadModelQuery {

    /** The answer to {@code parameters}, to be written as JSON. */
    Object answer(Map<String, String> parameters);
}
