package dev.annals.server;

import dev.annals.server.command.CommandRegistry;
import dev.annals.server.command.ReadModelQuery;
import java.util.Map;

/** The domain's commands and read-model queries a server was built with. */
record DomainRoutes(CommandRegistry commands, Map<String, ReadModelQuery> queries) {}
